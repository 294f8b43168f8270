"use client";

import { useTranslations } from "next-intl";
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/annotations/types";
import type { Labels } from "./use-labels";

export function KindPicker({ value, allowed, labels, onChange }: { value: AnnotationKind; allowed: boolean; labels: Labels; onChange: (kind: AnnotationKind) => void }) {
  const t = useTranslations("editor.card");
  return (
    <fieldset>
      <legend className="text-xs font-semibold text-stone-700">{t("kind")}</legend>
      <div role="radiogroup" aria-label={t("kind")} className="mt-1 grid grid-cols-3 overflow-hidden rounded border border-stone-300 text-xs">
        {ANNOTATION_KINDS.map((kind) => {
          const checked = value === kind;
          return (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={checked}
              disabled={!allowed && !checked}
              onClick={() => !checked && onChange(kind)}
              className={`flex items-center justify-center gap-1 border-l border-stone-300 px-1 py-1.5 first:border-l-0 disabled:cursor-not-allowed disabled:text-stone-400 ${checked ? "bg-stone-900 font-semibold text-white" : "bg-white hover:bg-stone-100"}`}
            >
              <span className={`fm-swatch fm-kind-${kind}`} aria-hidden="true" />
              {labels.kind(kind)}
            </button>
          );
        })}
      </div>
      {!allowed && <p className="mt-1 text-xs text-stone-600">{t("kindOwnerOnly")}</p>}
    </fieldset>
  );
}
