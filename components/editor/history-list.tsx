"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AnnotationKind, AnnotationStatus, AnchorState, Verdict } from "@/lib/annotations/types";
import { useFetched } from "./use-fetched";
import type { Labels } from "./use-labels";

interface HistoryItem {
  id: string;
  at: string;
  actor: { id: string; name: string };
  action: string;
  changes: unknown;
}

const isChange = (value: unknown): value is { from: unknown; to: unknown } => typeof value === "object" && value !== null && "from" in value && "to" in value;

function short(text: string, max = 80) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function HistoryList({ annotationId, saved, version, labels }: { annotationId: string; saved: boolean; version: number; labels: Labels }) {
  const t = useTranslations("editor.history");
  const format = useFormatter();
  // Fetched again after each saved change (the version moves).
  const { data, error } = useFetched<{ items: HistoryItem[] }>(saved ? `/api/v1/annotations/${annotationId}/history` : null, version);

  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    switch (field) {
      case "kind":
        return labels.kind(v as AnnotationKind);
      case "status":
        return labels.status(v as AnnotationStatus);
      case "verdict":
        return labels.verdict(v as Verdict);
      case "anchor":
        return labels.anchor(v as AnchorState);
      case "target":
        return typeof v === "object" && v && "exact" in v ? `“${short(String(v.exact))}”` : "—";
      case "evidence":
        return Array.isArray(v) ? t("links", { count: v.length }) : "—";
      case "sourceId":
        return t("linked");
      default:
        if (typeof v === "object" && v && "name" in v) return String(v.name);
        return short(typeof v === "string" ? v : JSON.stringify(v));
    }
  };

  if (error) return <p className="text-xs text-red-800">{t("loadFailed", { message: error })}</p>;
  if (!saved) return <p className="text-xs text-stone-500">{t("notSaved")}</p>;
  if (!data) return <p className="text-xs text-stone-500">{t("loading")}</p>;
  return (
    <ol className="space-y-2 text-sm">
      {data.items.map((item) => {
        const changes = item.changes && typeof item.changes === "object" ? Object.entries(item.changes as Record<string, unknown>) : [];
        const known = ["created", "updated", "deleted", "restored", "commented", "reanchored"].includes(item.action);
        return (
          <li key={item.id} className="rounded bg-white px-2 py-1 ring-1 ring-stone-200">
            <p className="text-xs text-stone-600">
              <span className="font-semibold text-stone-800">{item.actor.name}</span> · {known ? t(`action.${item.action}`) : item.action} ·{" "}
              <time dateTime={item.at}>{format.dateTime(new Date(item.at), { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
            {item.action === "updated" || item.action === "reanchored" ? (
              <ul className="mt-0.5 space-y-0.5">
                {changes.filter(([, c]) => isChange(c)).map(([field, c]) => {
                  const change = c as { from: unknown; to: unknown };
                  return (
                    <li key={field} className="text-xs">
                      <span className="font-medium">{t.has(`field.${field}`) ? t(`field.${field}`) : field}</span>: {value(field, change.from)} → {value(field, change.to)}
                    </li>
                  );
                })}
              </ul>
            ) : item.action === "commented" && changes.length > 0 ? (
              <p className="mt-0.5 text-xs italic text-stone-700">{short(String((item.changes as { body?: string }).body ?? ""))}</p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
