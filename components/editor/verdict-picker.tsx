"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { VERDICTS, type AnnotationDto, type Verdict } from "@/lib/annotations/types";
import type { Labels } from "./use-labels";

export function VerdictPicker({ annotation, labels, onChange }: { annotation: AnnotationDto; labels: Labels; onChange: (verdict: Verdict | null) => void }) {
  const t = useTranslations("editor.card");
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-semibold text-stone-700">
        {t("verdict")}
      </label>
      <select
        id={id}
        value={annotation.verdict ?? ""}
        onChange={(e) => onChange((e.target.value || null) as Verdict | null)}
        className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm"
      >
        <option value="">{labels.verdict(null)}</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {labels.verdict(v)}
          </option>
        ))}
      </select>
      {annotation.verdictBy && annotation.verdict && <p className="mt-1 text-xs text-stone-600">{t("verdictBy", { name: annotation.verdictBy.name })}</p>}
    </div>
  );
}
