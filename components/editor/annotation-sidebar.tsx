"use client";

import { useFormatter, useTranslations } from "next-intl";
import { memo, useMemo } from "react";
import type { AnnotationDto, UserRef } from "@/lib/annotations/types";
import { AnnotationFiltersBar } from "./annotation-filters";
import { AnnotationList } from "./annotation-list";
import { countAnnotations, type AnnotationFilters } from "./filter-annotations";
import type { Labels } from "./use-labels";

/**
 * Memoized: the workspace re-renders on every text selection and toolbar click, and the list
 * of thousands need not (its props are stable unless the annotations, filters or selection change).
 */
export const AnnotationSidebar = memo(function AnnotationSidebar({
  all,
  visible,
  filters,
  onFilters,
  team,
  selectedId,
  pendingIds,
  labels,
  onSelect,
}: {
  all: AnnotationDto[];
  /** `all` after the filters, in document order. */
  visible: AnnotationDto[];
  filters: AnnotationFilters;
  onFilters: (next: AnnotationFilters) => void;
  team: UserRef[];
  selectedId: string | null;
  pendingIds: ReadonlySet<string>;
  labels: Labels;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("editor.sidebar");
  const format = useFormatter();
  const counts = useMemo(() => countAnnotations(all), [all]);
  const authors = useMemo(() => {
    const byId = new Map(team.map((u) => [u.id, u]));
    for (const a of all) if (!byId.has(a.author.id)) byId.set(a.author.id, a.author);
    return [...byId.values()].filter((u) => counts.author[u.id]);
  }, [all, team, counts]);
  return (
    <>
      <div className="flex items-baseline justify-between px-3 pt-3">
        <h2 className="text-sm font-semibold">{t("title")}</h2>
        <p className="text-xs text-stone-600 tabular-nums" aria-live="polite">
          {visible.length === all.length
            ? t("count", { count: all.length, formatted: format.number(all.length) })
            : t("shown", { shown: format.number(visible.length), total: format.number(all.length) })}
        </p>
      </div>
      <AnnotationFiltersBar filters={filters} onChange={onFilters} counts={counts} authors={authors} labels={labels} />
      <AnnotationList annotations={visible} selectedId={selectedId} pendingIds={pendingIds} labels={labels} onSelect={onSelect} />
    </>
  );
});
