import { EditorState } from "@tiptap/pm/state";
import type { Decoration } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import {
  activateHighlight,
  addHighlights,
  annotationDecorationsKey,
  annotationDecorationsPlugin,
  changeHighlights,
  highlightRange,
  highlightsAt,
  initialDecorationSet,
  initialDecorationsProp,
  removeHighlights,
  replaceHighlights,
  type Highlight,
} from "./annotation-decorations";
import { assignLanes } from "./highlight-lanes";
import { editorSchema } from "./schema";

const TEXT = "La marine russe aurait doublé ses patrouilles, cité par l’agence TASS.";

function stateWith(text = TEXT) {
  const schema = editorSchema();
  const doc = schema.node("doc", null, [schema.node("paragraph", null, [schema.text(text)])]);
  return EditorState.create({ doc, plugins: [annotationDecorationsPlugin()] });
}

/** Editor range of the first occurrence of `words` (the paragraph's content starts at 1). */
function rangeOf(words: string, text = TEXT) {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`not in text: ${words}`);
  return { from: at + 1, to: at + 1 + words.length };
}

function highlight(id: string, words: string, extra: Partial<Highlight> = {}): Highlight {
  return { id, ...rangeOf(words), kind: "claim", status: "unverified", verdict: null, drifted: false, label: id, badge: "C", ...extra };
}

function textDecorations(state: EditorState): Decoration[] {
  const set = annotationDecorationsKey.getState(state)!.decorations;
  return set.find(undefined, undefined, (spec) => spec.role === "text");
}

function summary(state: EditorState) {
  return textDecorations(state)
    .map((d) => ({ id: (d.spec as { highlight: Highlight }).highlight.id, from: d.from, to: d.to, lane: (d.spec as { lane: number }).lane }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe("annotation decorations", () => {
  const claim = highlight("claim", "La marine russe aurait doublé ses patrouilles");
  const figure = highlight("figure", "doublé", { kind: "figure" });
  const other = highlight("other", "ses patrouilles, cité par", { kind: "claim" });
  const source = highlight("source", "cité par l’agence TASS", { kind: "source" });

  it("draws nested and overlapping annotations, each on its own lane", () => {
    const state = stateWith().apply(replaceHighlights(stateWith().tr, [claim, figure, other, source]));
    expect(summary(state)).toEqual([
      { id: "claim", ...rangeOf("La marine russe aurait doublé ses patrouilles"), lane: 0 },
      { id: "figure", ...rangeOf("doublé"), lane: 1 },
      // It overlaps the claim but starts after the figure ended: it takes the figure's lane.
      { id: "other", ...rangeOf("ses patrouilles, cité par"), lane: 1 },
      // The claim has ended where the source starts: its lane is free again.
      { id: "source", ...rangeOf("cité par l’agence TASS"), lane: 0 },
    ]);
    const inBoth = rangeOf("patrouilles").from;
    expect(highlightsAt(state, inBoth)).toEqual(["claim", "other"]);
    expect(highlightsAt(state, rangeOf("doublé").from + 2)).toEqual(["claim", "figure"]);
    expect(highlightsAt(state, rangeOf("TASS").from)).toEqual(["source"]);
  });

  it("draws each annotation as its own <mark> with kind, status and verdict classes, plus a badge", () => {
    const verified = highlight("v", "agence TASS", { kind: "source", status: "verified", verdict: "accurate", badge: "S · Accurate" });
    const state = stateWith().apply(replaceHighlights(stateWith().tr, [verified]));
    const [text] = textDecorations(state);
    const attrs = (text as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    expect(attrs.nodeName).toBe("mark");
    expect(attrs["data-annotation-id"]).toBe("v");
    expect(attrs.class.split(" ")).toEqual(expect.arrayContaining(["fm-hl", "fm-kind-source", "fm-status-verified", "fm-verdict-accurate", "fm-lane-0"]));
    const set = annotationDecorationsKey.getState(state)!.decorations;
    const badges = set.find(undefined, undefined, (spec) => spec.role === "badge");
    expect(badges.map((b) => b.from)).toEqual([rangeOf("agence TASS").to]);
  });

  it("maps decorations through a transaction that changes the text", () => {
    let state = stateWith();
    state = state.apply(replaceHighlights(state.tr, [claim, figure, source]));
    // Insert a word before everything, and delete part of the source.
    const inserted = "Dimanche, ";
    const tr = state.tr.insertText(inserted, 1);
    const tassFrom = rangeOf("TASS").from + inserted.length;
    tr.delete(tassFrom, tassFrom + 4);
    state = state.apply(tr);
    const shift = (r: { from: number; to: number }) => ({ from: r.from + inserted.length, to: r.to + inserted.length });
    expect(summary(state)).toEqual([
      { id: "claim", ...shift(rangeOf("La marine russe aurait doublé ses patrouilles")), lane: 0 },
      { id: "figure", ...shift(rangeOf("doublé")), lane: 1 },
      { id: "source", from: shift(rangeOf("cité par l’agence TASS")).from, to: shift(rangeOf("cité par l’agence TASS")).to - 4, lane: 0 },
    ]);
    expect(highlightRange(state, "figure")).toEqual(shift(rangeOf("doublé")));
  });

  it("adds, removes and activates without rebuilding the rest", () => {
    let state = stateWith();
    state = state.apply(replaceHighlights(state.tr, [claim]));
    const before = annotationDecorationsKey.getState(state)!;
    // A transaction with nothing for the plugin keeps the very same state object.
    state = state.apply(state.tr.setMeta("unrelated", true));
    expect(annotationDecorationsKey.getState(state)).toBe(before);

    state = state.apply(addHighlights(state.tr, [figure]));
    expect(summary(state).map((s) => [s.id, s.lane])).toEqual([["claim", 0], ["figure", 1]]);

    state = state.apply(activateHighlight(state.tr, "figure"));
    const active = textDecorations(state).filter((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class.includes("fm-active"));
    expect(active.map((d) => (d.spec as { highlight: Highlight }).highlight.id)).toEqual(["figure"]);
    expect(annotationDecorationsKey.getState(state)!.activeId).toBe("figure");

    state = state.apply(removeHighlights(state.tr, ["claim"]));
    expect(summary(state).map((s) => s.id)).toEqual(["figure"]);
    expect(highlightRange(state, "claim")).toBeNull();
  });

  it("adds a new annotation as the selected one in one transaction, deselecting the previous one", () => {
    let state = stateWith();
    state = state.apply(replaceHighlights(state.tr, [claim]));
    state = state.apply(activateHighlight(state.tr, "claim"));
    state = state.apply(changeHighlights(state.tr, [figure], [], "figure"));
    expect(annotationDecorationsKey.getState(state)!.activeId).toBe("figure");
    const classes = Object.fromEntries(
      textDecorations(state).map((d) => [(d.spec as { highlight: Highlight }).highlight.id, (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class]),
    );
    expect(classes.figure.split(" ")).toContain("fm-active");
    expect(classes.claim.split(" ")).not.toContain("fm-active");
    expect(summary(state).map((s) => [s.id, s.lane])).toEqual([["claim", 0], ["figure", 1]]);
  });

  it("starts from the initial annotations, the very set a view may draw before the plugin is installed", () => {
    const schema = editorSchema();
    const doc = schema.node("doc", null, [schema.node("paragraph", null, [schema.text(TEXT)])]);
    const initial = { highlights: [claim, figure, source], activeId: "figure" };
    const state = EditorState.create({ doc, plugins: [annotationDecorationsPlugin(initial)] });
    const plugin = annotationDecorationsKey.getState(state)!;
    expect(plugin.activeId).toBe("figure");
    expect(plugin.decorations).toBe(initialDecorationSet(doc, initial));
    expect(summary(state).map((s) => [s.id, s.lane])).toEqual([["claim", 0], ["figure", 1], ["source", 0]]);

    // The view's prop draws that set until the plugin is there, then nothing, for good.
    const prop = initialDecorationsProp(initial);
    const bare = EditorState.create({ doc });
    expect(prop(bare)).toBe(plugin.decorations);
    expect(prop(state)).toBeUndefined();
    expect(prop(bare)).toBeUndefined();
  });

  it("skips ranges outside the document instead of throwing", () => {
    const state = stateWith().apply(replaceHighlights(stateWith().tr, [{ ...claim, to: 10_000 }, figure]));
    expect(summary(state).map((s) => s.id)).toEqual(["figure"]);
  });
});

describe("assignLanes", () => {
  it("never gives overlapping ranges the same lane", () => {
    const ranges = Array.from({ length: 500 }, (_, i) => {
      const from = (i * 7919) % 1000;
      return { from, to: from + 1 + ((i * 104729) % 40) };
    });
    const lanes = assignLanes(ranges);
    for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length; j++) {
        const overlap = ranges[i].from < ranges[j].to && ranges[j].from < ranges[i].to;
        if (overlap) expect(lanes[i]).not.toBe(lanes[j]);
      }
    }
  });

  it("builds 2,000 highlights quickly", () => {
    const text = "mot ".repeat(5_000);
    let state = stateWith(text);
    const many: Highlight[] = Array.from({ length: 2_000 }, (_, i) => ({
      ...highlight(`a${i}`, "La", { kind: (["claim", "figure", "source"] as const)[i % 3] }),
      from: 1 + ((i * 37) % 19_000),
      to: 1 + ((i * 37) % 19_000) + 3 + (i % 50),
    }));
    const started = performance.now();
    state = state.apply(replaceHighlights(state.tr, many));
    expect(performance.now() - started).toBeLessThan(500);
    expect(textDecorations(state)).toHaveLength(2_000);
  });
});
