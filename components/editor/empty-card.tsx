"use client";

import { useTranslations } from "next-intl";
import { ANNOTATION_KINDS, ANNOTATION_STATUSES } from "@/lib/annotations/types";
import type { Labels } from "./use-labels";

/** Shown while no annotation is selected: how to start, and what the highlights mean. */
export function EmptyCard({ labels }: { labels: Labels }) {
  const t = useTranslations("editor.empty");
  return (
    <div className="space-y-4 p-4 text-sm text-stone-700">
      <p>{t("howTo")}</p>
      <section aria-labelledby="legend-title">
        <h2 id="legend-title" className="text-xs font-semibold uppercase tracking-wide text-stone-600">
          {t("legend")}
        </h2>
        <ul className="mt-2 space-y-1.5">
          {ANNOTATION_KINDS.map((kind) => (
            <li key={kind} className="fm-legend">
              <mark className={`fm-hl fm-kind-${kind} fm-status-in_progress fm-lane-0`}>{labels.kind(kind)}</mark>
              <span className="ml-2 text-xs text-stone-600">{t(`pattern.${kind}`)}</span>
            </li>
          ))}
        </ul>
        <ul className="mt-3 space-y-1.5">
          {ANNOTATION_STATUSES.map((status) => (
            <li key={status} className="fm-legend">
              <mark className={`fm-hl fm-kind-claim fm-status-${status} fm-lane-0`}>{labels.status(status)}</mark>
              <span className="ml-2 text-xs text-stone-600">{t(`weight.${status}`)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-xs text-stone-600">{t("badge")}</p>
      </section>
    </div>
  );
}
