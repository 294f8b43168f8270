"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Unlink } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import type { AnnotationDto } from "@/lib/annotations/types";
import { isDetached } from "./filter-annotations";
import type { Labels } from "./use-labels";

type Row = { type: "annotation"; annotation: AnnotationDto } | { type: "heading"; count: number };

function ListRow({ annotation, selected, pending, labels, onSelect }: { annotation: AnnotationDto; selected: boolean; pending: boolean; labels: Labels; onSelect: () => void }) {
  const t = useTranslations("editor.sidebar");
  const detached = isDetached(annotation);
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={selected ? "true" : undefined}
      data-annotation-row={annotation.id}
      className={`block w-full border-l-4 px-3 py-2 text-left text-sm fm-row-${annotation.kind} ${selected ? "bg-amber-50 ring-2 ring-inset ring-stone-800" : "hover:bg-stone-50"}`}
    >
      <span className="flex items-center gap-1.5 text-xs">
        <span className="font-semibold text-stone-900">{labels.kind(annotation.kind)}</span>
        <span className="text-stone-500" aria-hidden="true">·</span>
        <span className={`fm-status-text fm-status-${annotation.status}`}>{labels.status(annotation.status)}</span>
        {annotation.verdict && <span className={`fm-verdict-pill fm-verdict-${annotation.verdict}`}>{labels.verdict(annotation.verdict)}</span>}
        {annotation.anchor === "drifted" && <span className="rounded bg-sky-100 px-1 text-sky-900">{labels.anchor("drifted")}</span>}
        {pending && (
          <span className="ml-auto text-amber-700" title={t("pending")}>
            ●<span className="sr-only">{t("pending")}</span>
          </span>
        )}
      </span>
      <span className={`mt-0.5 line-clamp-2 block text-stone-800 ${detached ? "italic" : ""}`}>
        {detached && <Unlink className="mr-1 inline size-3.5 align-[-2px] text-stone-500" aria-label={t("detachedOne")} />}
        {annotation.target.exact}
      </span>
      <span className="mt-0.5 block text-xs text-stone-500">{annotation.author.name}</span>
    </button>
  );
}

/**
 * The annotations in document order, virtualized (an article may carry thousands), with
 * the detached ones listed apart at the end.
 */
export function AnnotationList({
  annotations,
  selectedId,
  pendingIds,
  labels,
  onSelect,
}: {
  annotations: AnnotationDto[];
  selectedId: string | null;
  pendingIds: ReadonlySet<string>;
  labels: Labels;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("editor.sidebar");
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo<Row[]>(() => {
    const attached = annotations.filter((a) => !isDetached(a));
    const detached = annotations.filter(isDetached);
    return [
      ...attached.map((annotation) => ({ type: "annotation" as const, annotation })),
      ...(detached.length > 0 ? [{ type: "heading" as const, count: detached.length }] : []),
      ...detached.map((annotation) => ({ type: "annotation" as const, annotation })),
    ];
  }, [annotations]);

  // TanStack Virtual keeps mutable state the React Compiler cannot memoize around; this
  // component is simply not auto-memoized, which it does not need.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i].type === "heading" ? 36 : 84),
    getItemKey: (i) => {
      const row = rows[i];
      return row.type === "heading" ? "detached-heading" : row.annotation.id;
    },
    overscan: 8,
  });

  useEffect(() => {
    if (!selectedId) return;
    const index = rows.findIndex((r) => r.type === "annotation" && r.annotation.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [selectedId, rows, virtualizer]);

  if (annotations.length === 0) return <p className="px-3 py-6 text-sm text-stone-600">{t("empty")}</p>;

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" data-testid="annotation-list">
      <ul className="relative w-full" style={{ height: virtualizer.getTotalSize() }} aria-label={t("listLabel")}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute left-0 top-0 w-full border-b border-stone-100"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.type === "heading" ? (
                <h3 className="bg-stone-100 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-stone-700">
                  {t("detachedHeading", { count: row.count })}
                </h3>
              ) : (
                <ListRow
                  annotation={row.annotation}
                  selected={row.annotation.id === selectedId}
                  pending={pendingIds.has(row.annotation.id)}
                  labels={labels}
                  onSelect={() => onSelect(row.annotation.id)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
