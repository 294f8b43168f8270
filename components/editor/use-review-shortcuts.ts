"use client";

import { useEffect, useRef } from "react";
import type { AnnotationKind } from "@/lib/annotations/types";

export interface ShortcutHandlers {
  /** The article text is editable: plain letters type, only Alt+digit tags. */
  textEditable: boolean;
  tag: (kind: AnnotationKind) => boolean;
  next: () => void;
  previous: () => void;
  nextUnverified: () => void;
  /** Moves an edge of the selected annotation; false when there is none to move. */
  adjust: (edge: "start" | "end", direction: -1 | 1) => boolean;
  remove: () => boolean;
  escape: () => boolean;
  help: () => void;
}

const KIND_BY_KEY: Record<string, AnnotationKind> = { c: "claim", f: "figure", s: "source", "1": "claim", "2": "figure", "3": "source" };
const KIND_BY_CODE: Record<string, AnnotationKind> = { Digit1: "claim", Digit2: "figure", Digit3: "source" };

/** Form fields keep their keys; the article text (locked while reviewing) does not. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest(".ProseMirror")) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The workspace's keyboard: listed in SHORTCUTS and shown by "?". */
export function useReviewShortcuts(handlers: ShortcutHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const h = ref.current;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing) return;
      if (typingInto(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"], [role="menu"]')) return;
      const inText = event.target instanceof HTMLElement && event.target.closest(".ProseMirror") !== null;
      let handled = false;
      if (event.altKey && !event.shiftKey && KIND_BY_CODE[event.code]) handled = h.tag(KIND_BY_CODE[event.code]);
      else if (event.shiftKey && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
        handled = h.adjust(event.altKey ? "start" : "end", event.key === "ArrowLeft" ? -1 : 1);
      } else if (!event.altKey) {
        const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
        const letters = !(h.textEditable && inText);
        if (letters && KIND_BY_KEY[key]) handled = h.tag(KIND_BY_KEY[key]);
        else if (letters && key === "j") (h.next(), (handled = true));
        else if (letters && key === "k") (h.previous(), (handled = true));
        else if (letters && key === "n") (h.nextUnverified(), (handled = true));
        else if (letters && key === "?") (h.help(), (handled = true));
        else if (key === "Delete" && !(h.textEditable && inText)) handled = h.remove();
        else if (key === "Escape") handled = h.escape();
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
