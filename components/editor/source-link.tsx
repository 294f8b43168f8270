"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { AnnotationDto } from "@/lib/annotations/types";
import type { Labels } from "./use-labels";

const excerpt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * "Attributed to", both ways: a claim or figure picks the source passage it is attributed
 * to; a source lists what is attributed to it.
 */
export function SourceLink({
  annotation,
  all,
  labels,
  onChange,
  onSelect,
}: {
  annotation: AnnotationDto;
  all: AnnotationDto[];
  labels: Labels;
  onChange: (sourceId: string | null) => void;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("editor.card");
  const id = useId();
  if (annotation.kind === "source") {
    const attributed = all.filter((a) => a.sourceId === annotation.id);
    return (
      <div>
        <h3 className="text-xs font-semibold text-stone-700">{t("attributedHere")}</h3>
        {attributed.length === 0 ? (
          <p className="text-xs text-stone-500">{t("nothingAttributed")}</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {attributed.map((a) => (
              <li key={a.id}>
                <button type="button" className="text-left text-sm text-blue-800 underline underline-offset-2" onClick={() => onSelect(a.id)}>
                  {t("quotedPassage", { kind: labels.kind(a.kind), text: excerpt(a.target.exact) })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const sources = all.filter((a) => a.kind === "source");
  const current = sources.find((s) => s.id === annotation.sourceId);
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-semibold text-stone-700">
        {t("attributedTo")}
      </label>
      <div className="mt-1 flex gap-2">
        <select
          id={id}
          value={annotation.sourceId ?? ""}
          onChange={(e) => onChange(e.target.value || null)}
          className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 text-sm"
        >
          <option value="">{sources.length === 0 ? t("noSources") : t("noSource")}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {excerpt(s.target.exact)}
            </option>
          ))}
        </select>
        {current && (
          <button type="button" className="text-xs text-blue-800 underline underline-offset-2" onClick={() => onSelect(current.id)}>
            {t("goToSource")}
          </button>
        )}
      </div>
    </div>
  );
}
