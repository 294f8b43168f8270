"use client";

import { TextSelection as PmTextSelection } from "@tiptap/pm/state";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useEffectEvent, useImperativeHandle, useRef, useState, type Ref } from "react";
import { AnnotationHighlights } from "@/lib/editor/annotation-highlights";
import { activateHighlight, annotationDecorationsKey, changeHighlights, initialDecorationsProp, replaceHighlights, type Highlight } from "@/lib/editor/annotation-decorations";
import { editorExtensions } from "@/lib/editor/extensions";
import { ReviewLock, setReviewLock } from "@/lib/editor/review-lock";

export interface TextSelection {
  from: number;
  to: number;
  /** Where to float the toolbar, relative to the editor's frame. */
  anchor: { left: number; top: number };
}

/** Every annotation stacked under a click: ids of the nested highlights, outermost first. */
function idsUnder(target: EventTarget | null, root: HTMLElement): string[] {
  const ids: string[] = [];
  let node = target instanceof Element ? target : null;
  while (node && node !== root) {
    const id = node.getAttribute("data-annotation-id");
    if (id && !ids.includes(id)) ids.unshift(id);
    node = node.parentElement;
  }
  return ids;
}

const signature = (h: Highlight) => `${h.from}:${h.to}:${h.label}:${h.badge}:${h.drifted}`;

/** Above this many changes at once, rebuilding the whole set is cheaper than patching it. */
const PATCH_LIMIT = 50;

/**
 * Sends the plugin only what changed since the last call (`drawn`: id → signature). An
 * annotation drawn ahead of the list (`early`, see HighlightPainter) stays drawn until the
 * list has it.
 */
function syncHighlights(editor: Editor, next: Highlight[], drawn: Map<string, string>, early: ReadonlyMap<string, Highlight>) {
  const nextIds = new Set(next.map((h) => h.id));
  const removed = [...drawn.keys()].filter((id) => !nextIds.has(id) && !early.has(id));
  const changed = next.filter((h) => drawn.get(h.id) !== signature(h));
  if (removed.length === 0 && changed.length === 0) return;
  const { tr } = editor.state;
  tr.setMeta("addToHistory", false);
  if (removed.length + changed.length > PATCH_LIMIT) replaceHighlights(tr, [...next, ...[...early.values()].filter((h) => !nextIds.has(h.id))]);
  else changeHighlights(tr, changed, removed);
  editor.view.dispatch(tr);
  for (const id of removed) drawn.delete(id);
  for (const h of changed) drawn.set(h.id, signature(h));
}

/**
 * Draws a new annotation in the frame where it is made: the workspace calls it from the
 * click (or key) that creates the annotation, before the list, the outbox and the request
 * hear of it, then `settle`s it once the annotation list holds it.
 */
export interface HighlightPainter {
  /** Draws `highlight` as the selected annotation, with the text selection collapsed to `caret`. */
  drawNow(highlight: Highlight, caret: number): void;
  /** The list holds it now (or never will): from here on it is drawn like any other. */
  settle(id: string): void;
}

export function AnnotationEditor({
  content,
  editable,
  label,
  highlights,
  activeId,
  onPick,
  onSelection,
  onReady,
  painterRef,
  children,
}: {
  content: unknown;
  /** The article text may be edited (another issue); while reviewing it is locked. */
  editable: boolean;
  label: string;
  highlights: Highlight[];
  activeId: string | null;
  /** A click on highlights: the ids stacked there, and where (client coordinates). */
  onPick: (ids: string[], point: { x: number; y: number }) => void;
  onSelection: (selection: TextSelection | null) => void;
  onReady?: (editor: Editor | null) => void;
  painterRef?: Ref<HighlightPainter>;
  /** Drawn over the text (the selection toolbar), positioned relative to it. */
  children?: React.ReactNode;
}) {
  const frameRef = useRef<HTMLDivElement>(null);
  const drawn = useRef(new Map<string, string>());
  const early = useRef(new Map<string, Highlight>());

  // Built once, without closures over React state: Tiptap compares options on every render
  // and reconfigures the view when they differ, which costs more than the render itself.
  // The highlights known now are drawn from the start, so the text is rendered only once.
  const [initial] = useState(() => ({ highlights, activeId }));
  const [options] = useState(() => ({
    extensions: [...editorExtensions, AnnotationHighlights.configure({ initial }), ReviewLock.configure({ locked: !editable })],
    content: content as Record<string, unknown>,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: { "aria-label": label, "aria-multiline": "true", spellcheck: "false", class: "fm-article" },
      // Tiptap renders the text before it installs the plugins, then redraws it with them: the
      // view draws the plugin's first set itself until then, so the text is rendered once.
      decorations: initialDecorationsProp(initial),
    },
  }));
  const editor = useEditor(options, []);

  const pick = useEffectEvent(onPick);
  const reportSelection = useEffectEvent((current: Editor) => {
    const { from, to, empty } = current.state.selection;
    const frame = frameRef.current;
    if (empty || !frame) return onSelection(null);
    const start = current.view.coordsAtPos(from);
    const box = frame.getBoundingClientRect();
    onSelection({ from, to, anchor: { left: Math.max(0, start.left - box.left), top: start.top - box.top } });
  });

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      // A drag that selected text is a selection, not a pick.
      if (!editor.state.selection.empty) return;
      const ids = idsUnder(event.target, dom);
      if (ids.length > 0) pick(ids, { x: event.clientX, y: event.clientY });
    };
    const onSelectionUpdate = () => reportSelection(editor);
    dom.addEventListener("click", onClick);
    editor.on("selectionUpdate", onSelectionUpdate);
    return () => {
      dom.removeEventListener("click", onClick);
      editor.off("selectionUpdate", onSelectionUpdate);
    };
  }, [editor]);

  // The text is locked for review or opened for editing without rebuilding the editor.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setReviewLock(editor.state.tr, !editable));
    editor.view.dom.setAttribute("aria-readonly", String(!editable));
    // No on-screen keyboard on touch devices for text that cannot be typed into.
    editor.view.dom.setAttribute("inputmode", editable ? "text" : "none");
  }, [editor, editable]);

  useEffect(() => {
    onReady?.(editor);
    return () => onReady?.(null);
  }, [editor, onReady]);

  const seeded = useRef(false);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (!seeded.current) {
      // The editor was created with these drawn already.
      seeded.current = true;
      for (const h of initial.highlights) drawn.current.set(h.id, signature(h));
    }
    syncHighlights(editor, highlights, drawn.current, early.current);
  }, [editor, highlights, initial]);

  useImperativeHandle(
    painterRef,
    () => ({
      drawNow(highlight, caret) {
        if (!editor || editor.isDestroyed) return;
        const { tr } = editor.state;
        tr.setSelection(PmTextSelection.create(tr.doc, Math.min(caret, tr.doc.content.size)));
        tr.setMeta("addToHistory", false);
        editor.view.dispatch(changeHighlights(tr, [highlight], [], highlight.id));
        drawn.current.set(highlight.id, signature(highlight));
        early.current.set(highlight.id, highlight);
      },
      settle(id) {
        early.current.delete(id);
      },
    }),
    [editor],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed || annotationDecorationsKey.getState(editor.state)?.activeId === activeId) return;
    editor.view.dispatch(activateHighlight(editor.state.tr, activeId));
  }, [editor, activeId]);

  return (
    <div ref={frameRef} className="relative" data-testid="article-frame">
      <EditorContent editor={editor} />
      {children}
      {!editor && <div className="fm-article min-h-64 animate-pulse rounded bg-stone-100" aria-hidden="true" />}
    </div>
  );
}
