"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, VERDICTS, type UserRef } from "@/lib/annotations/types";
import type { AnnotationCounts, AnnotationFilters, VerdictFilter } from "./filter-annotations";
import { NO_FILTERS } from "./filter-annotations";
import type { Labels } from "./use-labels";

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function Chip({ pressed, onClick, children, className = "" }: { pressed: boolean; onClick: () => void; children: React.ReactNode; className?: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={`rounded-full border px-2 py-0.5 text-xs tabular-nums ${pressed ? "border-stone-900 bg-stone-900 text-white" : "border-stone-300 bg-white text-stone-800 hover:border-stone-500"} ${className}`}
    >
      {children}
    </button>
  );
}

export function AnnotationFiltersBar({
  filters,
  onChange,
  counts,
  authors,
  labels,
}: {
  filters: AnnotationFilters;
  onChange: (next: AnnotationFilters) => void;
  counts: AnnotationCounts;
  authors: UserRef[];
  labels: Labels;
}) {
  const t = useTranslations("editor.sidebar");
  const format = useFormatter();
  const n = (value: number | undefined) => format.number(value ?? 0);
  const verdictOptions: VerdictFilter[] = [...VERDICTS, "none"];
  const active = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="space-y-2 border-b border-stone-200 px-3 py-2" role="group" aria-label={t("filters")}>
      <div className="flex flex-wrap gap-1" role="group" aria-label={t("byKind")}>
        {ANNOTATION_KINDS.map((kind) => (
          <Chip key={kind} pressed={filters.kinds.includes(kind)} onClick={() => onChange({ ...filters, kinds: toggle(filters.kinds, kind) })}>
            <span className={`fm-swatch fm-kind-${kind}`} aria-hidden="true" /> {labels.kind(kind)} {n(counts.kind[kind])}
          </Chip>
        ))}
      </div>
      <div className="flex flex-wrap gap-1" role="group" aria-label={t("byStatus")}>
        {ANNOTATION_STATUSES.map((status) => (
          <Chip key={status} pressed={filters.statuses.includes(status)} onClick={() => onChange({ ...filters, statuses: toggle(filters.statuses, status) })}>
            {labels.status(status)} {n(counts.status[status])}
          </Chip>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <label className="flex items-center gap-1">
          <span className="text-stone-600">{t("verdict")}</span>
          <select
            className="rounded border border-stone-300 bg-white px-1 py-0.5"
            value={filters.verdicts[0] ?? ""}
            onChange={(e) => onChange({ ...filters, verdicts: e.target.value ? [e.target.value as VerdictFilter] : [] })}
          >
            <option value="">{t("any")}</option>
            {verdictOptions.map((v) => (
              <option key={v} value={v}>
                {labels.verdict(v === "none" ? null : v)} ({n(counts.verdict[v])})
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <span className="text-stone-600">{t("author")}</span>
          <select
            className="max-w-[9rem] rounded border border-stone-300 bg-white px-1 py-0.5"
            value={filters.authorId ?? ""}
            onChange={(e) => onChange({ ...filters, authorId: e.target.value || null })}
          >
            <option value="">{t("anyone")}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({n(counts.author[a.id])})
              </option>
            ))}
          </select>
        </label>
        <Chip pressed={filters.detachedOnly} onClick={() => onChange({ ...filters, detachedOnly: !filters.detachedOnly })}>
          {t("detached")} {n(counts.detached)}
        </Chip>
        {active && (
          <button type="button" className="text-stone-700 underline underline-offset-2" onClick={() => onChange(NO_FILTERS)}>
            {t("clear")}
          </button>
        )}
      </div>
    </div>
  );
}
