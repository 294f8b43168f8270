"use client";

import { useEffect, useEffectEvent } from "react";
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
  /** Moves focus into the selected annotation's card; false when none is selected. */
  openCard: () => boolean;
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

/** Which handler a plain key (no modifier) runs, besides tagging. */
function plainKeyAction(key: string, h: ShortcutHandlers): (() => boolean) | null {
  switch (key) {
    case "j":
      return () => (h.next(), true);
    case "k":
      return () => (h.previous(), true);
    case "n":
      return () => (h.nextUnverified(), true);
    case "?":
      return () => (h.help(), true);
    default:
      return null;
  }
}

/** The workspace's keyboard: listed in SHORTCUTS and shown by "?". */
export function useReviewShortcuts(handlers: ShortcutHandlers) {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const h = handlers;
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing) return;
    if (typingInto(event.target)) return;
    if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"], [role="menu"]')) return;
    const inText = event.target instanceof HTMLElement && event.target.closest(".ProseMirror") !== null;
    // Letters type into editable text; they are shortcuts only while it is locked.
    const letters = !(h.textEditable && inText);
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    let handled = false;
    if (event.altKey && !event.shiftKey && KIND_BY_CODE[event.code]) handled = h.tag(KIND_BY_CODE[event.code]);
    else if (event.shiftKey && (key === "ArrowLeft" || key === "ArrowRight")) handled = h.adjust(event.altKey ? "start" : "end", key === "ArrowLeft" ? -1 : 1);
    else if (event.altKey) handled = false;
    else if (key === "Escape") handled = h.escape();
    // Enter on a button or link keeps its meaning; from the text or the page it opens the card.
    else if (key === "Enter" && !(event.target instanceof HTMLElement && event.target.closest("button, a"))) handled = letters && h.openCard();
    else if (key === "Delete") handled = letters && h.remove();
    else if (letters && KIND_BY_KEY[key]) handled = h.tag(KIND_BY_KEY[key]);
    else if (letters) handled = plainKeyAction(key, h)?.() ?? false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  });
  useEffect(() => {
    // Capture phase: ProseMirror claims Esc and some Shift+arrows for itself (and the text
    // selection would move under a range being adjusted), so the workspace decides first.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
