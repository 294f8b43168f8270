"use client";

import { useTranslations } from "next-intl";
import { Toolbar } from "radix-ui";
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/annotations/types";
import type { Labels } from "./use-labels";

const KEYS: Record<AnnotationKind, string> = { claim: "C", figure: "F", source: "S" };

/** Floats above a text selection: tag it as a claim, a figure or a source. */
export function SelectionToolbar({ anchor, labels, onTag }: { anchor: { left: number; top: number }; labels: Labels; onTag: (kind: AnnotationKind) => void }) {
  const t = useTranslations("editor.toolbar");
  return (
    <Toolbar.Root
      aria-label={t("label")}
      className="absolute z-20 flex -translate-y-full gap-0.5 rounded-md bg-stone-900 p-0.5 text-xs text-white shadow-lg"
      style={{ left: anchor.left, top: anchor.top - 6 }}
      data-testid="selection-toolbar"
      // Keeps the text selected: a click here must not move the caret.
      onMouseDown={(e) => e.preventDefault()}
    >
      {ANNOTATION_KINDS.map((kind) => (
        <Toolbar.Button
          key={kind}
          onClick={() => onTag(kind)}
          className="flex items-center gap-1 rounded px-2 py-1 hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-white"
          aria-keyshortcuts={`${KEYS[kind]} Alt+${ANNOTATION_KINDS.indexOf(kind) + 1}`}
        >
          <span className={`fm-swatch fm-kind-${kind}`} aria-hidden="true" />
          {labels.kind(kind)}
          <kbd className="ml-0.5 rounded bg-stone-700 px-1 font-mono text-[10px] text-stone-200" aria-hidden="true">
            {KEYS[kind]}
          </kbd>
        </Toolbar.Button>
      ))}
    </Toolbar.Root>
  );
}
