"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useRef } from "react";
import { AnnotationHighlights } from "@/lib/editor/annotation-highlights";
import { activateHighlight, changeHighlights, replaceHighlights, type Highlight } from "@/lib/editor/annotation-decorations";
import { editorExtensions } from "@/lib/editor/extensions";
import { ReviewLock } from "@/lib/editor/review-lock";

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

/** Sends the plugin only what changed since the last call (`drawn`: id → signature). */
function syncHighlights(editor: Editor, next: Highlight[], drawn: Map<string, string>) {
  const nextIds = new Set(next.map((h) => h.id));
  const removed = [...drawn.keys()].filter((id) => !nextIds.has(id));
  const changed = next.filter((h) => drawn.get(h.id) !== signature(h));
  if (removed.length === 0 && changed.length === 0) return;
  const { tr } = editor.state;
  tr.setMeta("addToHistory", false);
  if (removed.length + changed.length > PATCH_LIMIT) replaceHighlights(tr, next);
  else changeHighlights(tr, changed, removed);
  editor.view.dispatch(tr);
  drawn.clear();
  for (const h of next) drawn.set(h.id, signature(h));
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
  /** Drawn over the text (the selection toolbar), positioned relative to it. */
  children?: React.ReactNode;
}) {
  const lockedRef = useRef(!editable);
  lockedRef.current = !editable;
  const frameRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onPick, onSelection });
  callbacks.current = { onPick, onSelection };
  const drawn = useRef(new Map<string, string>());

  const editor = useEditor({
    extensions: [...editorExtensions, AnnotationHighlights, ReviewLock.configure({ locked: () => lockedRef.current })],
    content: content as Record<string, unknown>,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        "aria-label": label,
        "aria-readonly": String(!editable),
        "aria-multiline": "true",
        spellcheck: "false",
        class: "fm-article",
      },
      handleDOMEvents: {
        click: (view, event) => {
          // A drag that selected text is a selection, not a pick.
          if (!view.state.selection.empty) return false;
          const ids = idsUnder(event.target, view.dom);
          if (ids.length > 0) callbacks.current.onPick(ids, { x: event.clientX, y: event.clientY });
          return false;
        },
      },
    },
    onSelectionUpdate: ({ editor: current }) => {
      const { from, to, empty } = current.state.selection;
      const frame = frameRef.current;
      if (empty || !frame) return callbacks.current.onSelection(null);
      const start = current.view.coordsAtPos(from);
      const box = frame.getBoundingClientRect();
      callbacks.current.onSelection({ from, to, anchor: { left: Math.max(0, start.left - box.left), top: start.top - box.top } });
    },
  });

  useEffect(() => {
    onReady?.(editor);
    return () => onReady?.(null);
  }, [editor, onReady]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) syncHighlights(editor, highlights, drawn.current);
  }, [editor, highlights]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(activateHighlight(editor.state.tr, activeId));
  }, [editor, activeId]);

  return (
    <div ref={frameRef} className="relative" data-testid="article-frame">
      <EditorContent editor={editor} />
      {children}
      {!editor && <div className="fm-article min-h-64 animate-pulse rounded bg-stone-100" aria-hidden="true" />}
    </div>
  );
}
