/**
 * Annotations drawn as ProseMirror decorations (DESIGN.md: decorations, not marks). They
 * may overlap, never change the document, and are mapped through every transaction.
 * One plugin holds them all; callers feed it through `setMeta` helpers below.
 */
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { AnnotationKind, AnnotationStatus, Verdict } from "@/lib/annotations/types";
import { assignLanes, lowestFreeLane } from "./highlight-lanes";

/** One annotation to draw, in editor positions. */
export interface Highlight {
  id: string;
  from: number;
  to: number;
  kind: AnnotationKind;
  status: AnnotationStatus;
  verdict: Verdict | null;
  /** Found again after the text changed, not yet confirmed. */
  drifted: boolean;
  /** Full description for screen readers and the tooltip ("Claim · unverified · false"). */
  label: string;
  /** Short visible tag drawn after the highlight ("C · False"). */
  badge: string;
}

interface HighlightSpec {
  highlight: Highlight;
  lane: number;
  role: "text" | "badge";
}

export interface AnnotationDecorationState {
  decorations: DecorationSet;
  activeId: string | null;
}

type Meta =
  | { type: "replace"; highlights: Highlight[] }
  | { type: "change"; add: Highlight[]; remove: string[]; activate?: string | null }
  | { type: "activate"; id: string | null };

export const annotationDecorationsKey = new PluginKey<AnnotationDecorationState>("annotationDecorations");

/** Lanes beyond this share the last underline offset; deeper stacks are rare in practice. */
export const MAX_LANE = 3;

function decorationsOf(highlight: Highlight, lane: number, active: boolean): Decoration[] {
  const classes = [
    "fm-hl",
    `fm-kind-${highlight.kind}`,
    `fm-status-${highlight.status}`,
    `fm-lane-${Math.min(lane, MAX_LANE)}`,
    highlight.verdict ? `fm-verdict-${highlight.verdict}` : "",
    highlight.drifted ? "fm-drifted" : "",
    active ? "fm-active" : "",
  ].filter(Boolean);
  const text = Decoration.inline(
    highlight.from,
    highlight.to,
    // A nodeName gives each annotation its own nested element instead of merged attributes,
    // so a click can tell every annotation stacked under the pointer.
    { nodeName: "mark", class: classes.join(" "), "data-annotation-id": highlight.id, title: highlight.label },
    { highlight, lane, role: "text" } satisfies HighlightSpec,
  );
  const badge = Decoration.widget(highlight.to, () => badgeDom(highlight, active), {
    side: -1,
    marks: [],
    ignoreSelection: true,
    key: `${highlight.id}|${highlight.badge}|${highlight.label}|${active}`,
    highlight,
    lane,
    role: "badge",
  } satisfies HighlightSpec & Record<string, unknown>);
  return [text, badge];
}

/** Badges drawn so far, by look: a new one is a copy (cheaper than building it for each of 2,000). */
const badgeTemplates = new Map<string, HTMLElement>();

function badgeDom(highlight: Highlight, active: boolean): HTMLElement {
  const look = `${highlight.kind}|${highlight.verdict}|${active}|${highlight.badge}|${highlight.label}`;
  let template = badgeTemplates.get(look);
  if (!template) {
    template = newBadge(highlight, active);
    badgeTemplates.set(look, template);
  }
  const badge = template.cloneNode(true) as HTMLElement;
  badge.dataset.annotationId = highlight.id;
  return badge;
}

function newBadge(highlight: Highlight, active: boolean): HTMLElement {
  const badge = document.createElement("span");
  badge.className = `fm-badge fm-kind-${highlight.kind}${highlight.verdict ? ` fm-verdict-${highlight.verdict}` : ""}${active ? " fm-active" : ""}`;
  badge.contentEditable = "false";
  const visible = document.createElement("span");
  visible.setAttribute("aria-hidden", "true");
  visible.textContent = highlight.badge;
  // The text of a highlight is read as ordinary text; this says what it was tagged as.
  const spoken = document.createElement("span");
  spoken.className = "sr-only";
  spoken.textContent = ` (${highlight.label}) `;
  badge.append(visible, spoken);
  return badge;
}

function build(doc: PmNode, highlights: readonly Highlight[], activeId: string | null): DecorationSet {
  const drawable = highlights.filter((h) => h.from < h.to && h.from >= 0 && h.to <= doc.content.size);
  const lanes = assignLanes(drawable);
  const decorations = drawable.flatMap((h, i) => decorationsOf(h, lanes[i], h.id === activeId));
  return DecorationSet.create(doc, decorations);
}

/** The annotations an editor starts with, and which is selected. */
export interface InitialHighlights {
  highlights: readonly Highlight[];
  activeId: string | null;
}

const initialSets = new WeakMap<InitialHighlights, { doc: PmNode; set: DecorationSet }>();

/**
 * The decorations of `initial` on `doc`, built once for the pair. The plugin starts from
 * it, and an editor view may draw it before the plugin is installed (see AnnotationEditor):
 * being the same set, the view then has nothing to redraw when the plugin takes over.
 */
export function initialDecorationSet(doc: PmNode, initial: InitialHighlights): DecorationSet {
  const known = initialSets.get(initial);
  if (known && known.doc === doc) return known.set;
  const set = initial.highlights.length > 0 ? build(doc, initial.highlights, initial.activeId) : DecorationSet.empty;
  initialSets.set(initial, { doc, set });
  return set;
}

/**
 * A `decorations` prop for an editor view created before its plugins are installed (Tiptap
 * renders the text, then installs them and redraws): it draws the plugin's first set until
 * the plugin is there, then nothing ever again, so the text is rendered once, highlighted.
 */
export function initialDecorationsProp(initial: InitialHighlights): (state: EditorState) => DecorationSet | undefined {
  let handedOver = false;
  return (state) => {
    if (handedOver) return undefined;
    if (!annotationDecorationsKey.getState(state)) return initialDecorationSet(state.doc, initial);
    handedOver = true;
    return undefined;
  };
}

function specOf(decoration: Decoration): HighlightSpec {
  return decoration.spec as HighlightSpec;
}

function findById(set: DecorationSet, ids: ReadonlySet<string>): Decoration[] {
  return set.find(undefined, undefined, (spec) => ids.has((spec as HighlightSpec).highlight?.id));
}

function add(set: DecorationSet, doc: PmNode, highlights: readonly Highlight[], activeId: string | null): DecorationSet {
  let next = set;
  for (const h of highlights) {
    if (!(h.from < h.to && h.from >= 0 && h.to <= doc.content.size)) continue;
    const lanes = next
      .find(h.from, h.to, (spec) => (spec as HighlightSpec).role === "text")
      .filter((d) => d.from < h.to && d.to > h.from)
      .map((d) => specOf(d).lane);
    next = next.add(doc, decorationsOf(h, lowestFreeLane(lanes), h.id === activeId));
  }
  return next;
}

/** Redraws the given annotations where they now are (after mapping), as active or not. */
function restyle(set: DecorationSet, doc: PmNode, ids: ReadonlySet<string>, activeId: string | null): DecorationSet {
  const found = findById(set, ids);
  if (found.length === 0) return set;
  const redrawn = found
    .filter((d) => specOf(d).role === "text")
    .flatMap((d) => decorationsOf({ ...specOf(d).highlight, from: d.from, to: d.to }, specOf(d).lane, specOf(d).highlight.id === activeId));
  return set.remove(found).add(doc, redrawn);
}

function apply(tr: Transaction, value: AnnotationDecorationState): AnnotationDecorationState {
  const meta = tr.getMeta(annotationDecorationsKey) as Meta | undefined;
  if (!meta && !tr.docChanged) return value;
  const decorations = tr.docChanged ? value.decorations.map(tr.mapping, tr.doc) : value.decorations;
  if (!meta) return { ...value, decorations };
  switch (meta.type) {
    case "replace":
      return { ...value, decorations: build(tr.doc, meta.highlights, value.activeId) };
    case "change": {
      // An annotation drawn already is redrawn: removed first, then added like a new one.
      const ids = new Set([...meta.remove, ...meta.add.map((h) => h.id)]);
      let next = decorations.remove(findById(decorations, ids));
      const activeId = meta.activate === undefined ? value.activeId : meta.activate;
      // The one selected until now is redrawn as not selected (unless it is redrawn anyway).
      if (activeId !== value.activeId && value.activeId !== null && !ids.has(value.activeId)) {
        next = restyle(next, tr.doc, new Set([value.activeId]), activeId);
      }
      return { activeId, decorations: add(next, tr.doc, meta.add, activeId) };
    }
    case "activate": {
      if (meta.id === value.activeId) return { ...value, decorations };
      const ids = new Set([value.activeId, meta.id].filter((id): id is string => id !== null));
      return { activeId: meta.id, decorations: restyle(decorations, tr.doc, ids, meta.id) };
    }
  }
}

/**
 * The plugin, drawing `initial` from the start when given: an editor created with them
 * renders its text once, highlighted, instead of plain and then again with 2,000 marks.
 */
export function annotationDecorationsPlugin(initial?: InitialHighlights): Plugin<AnnotationDecorationState> {
  return new Plugin<AnnotationDecorationState>({
    key: annotationDecorationsKey,
    state: {
      init: (_config, state) =>
        initial ? { decorations: initialDecorationSet(state.doc, initial), activeId: initial.activeId } : { decorations: DecorationSet.empty, activeId: null },
      apply,
    },
    props: {
      decorations: (state) => annotationDecorationsKey.getState(state)?.decorations,
    },
  });
}

/** Draws exactly these annotations (all others are removed). */
export const replaceHighlights = (tr: Transaction, highlights: Highlight[]) =>
  tr.setMeta(annotationDecorationsKey, { type: "replace", highlights } satisfies Meta);

/**
 * Draws these annotations too (one drawn already is redrawn) and stops drawing those of
 * `remove`; with `activate`, also makes that one the selected annotation (or none), all in
 * one transaction.
 */
export const changeHighlights = (tr: Transaction, add: Highlight[], remove: string[] = [], activate?: string | null) =>
  tr.setMeta(annotationDecorationsKey, { type: "change", add, remove, ...(activate === undefined ? {} : { activate }) } satisfies Meta);

export const addHighlights = (tr: Transaction, highlights: Highlight[]) => changeHighlights(tr, highlights);

export const removeHighlights = (tr: Transaction, ids: string[]) => changeHighlights(tr, [], ids);

/** Marks one annotation as the selected one (or none). */
export const activateHighlight = (tr: Transaction, id: string | null) =>
  tr.setMeta(annotationDecorationsKey, { type: "activate", id } satisfies Meta);

/** Where an annotation is drawn now (after mapping), or null when it is not drawn. */
export function highlightRange(state: EditorState, id: string): { from: number; to: number } | null {
  const set = annotationDecorationsKey.getState(state)?.decorations;
  const found = set?.find(undefined, undefined, (spec) => (spec as HighlightSpec).highlight?.id === id && (spec as HighlightSpec).role === "text");
  if (!found || found.length === 0) return null;
  return { from: found[0].from, to: found[0].to };
}

/** Ids of the annotations covering the character after `pos`, outermost first. */
export function highlightsAt(state: EditorState, pos: number): string[] {
  const set = annotationDecorationsKey.getState(state)?.decorations;
  if (!set) return [];
  return set
    .find(pos, pos + 1, (spec) => (spec as HighlightSpec).role === "text")
    .filter((d) => d.from <= pos && d.to > pos)
    .sort((a, b) => a.from - b.from || b.to - a.to)
    .map((d) => specOf(d).highlight.id);
}
