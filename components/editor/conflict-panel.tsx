"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import type { AnnotationDto } from "@/lib/annotations/types";
import type { AnnotationPatch, OutboxConflict } from "@/lib/client/outbox-types";
import type { Labels } from "./use-labels";

function shown(field: keyof AnnotationPatch, value: unknown, labels: Labels, all: AnnotationDto[], none: string): string {
  if (value === null || value === undefined || value === "") return none;
  switch (field) {
    case "kind":
      return labels.kind(value as AnnotationDto["kind"]);
    case "status":
      return labels.status(value as AnnotationDto["status"]);
    case "verdict":
      return labels.verdict(value as AnnotationDto["verdict"]);
    case "sourceId":
      return all.find((a) => a.id === value)?.target.exact ?? String(value);
    case "evidence":
      return (value as { url: string; title?: string }[]).map((e) => e.title || e.url).join(", ") || none;
    case "target":
      return typeof value === "object" && value && "exact" in value ? String(value.exact) : JSON.stringify(value);
    default:
      return String(value);
  }
}

/** The server's value of a patched field, in the patch's own terms. */
function currentValue(field: keyof AnnotationPatch, current: AnnotationDto): unknown {
  return field === "target" ? current.target : current[field as keyof AnnotationDto];
}

/**
 * Someone saved this annotation first. Both versions side by side, field by field; the
 * person keeps theirs (sent again on the current version) or takes the other. Never silent.
 */
export function ConflictPanel({
  conflict,
  all,
  labels,
  quote,
  onResolve,
}: {
  conflict: OutboxConflict;
  all: AnnotationDto[];
  labels: Labels;
  quote: (start: number, end: number) => string;
  onResolve: (choice: "mine" | "theirs") => void;
}) {
  const t = useTranslations("editor.conflict");
  const fields = (Object.keys(conflict.patch) as (keyof AnnotationPatch)[]).filter((f) => conflict.patch[f] !== undefined);
  const mine = (field: keyof AnnotationPatch) => {
    const value = conflict.patch[field];
    if (field === "target" && value && typeof value === "object" && "start" in value) return { exact: quote(value.start, value.end) };
    return value;
  };
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded border-2 border-amber-500 bg-amber-50 p-3" data-testid="conflict">
      <h3 id="conflict-title" className="flex items-center gap-1.5 text-sm font-semibold text-amber-950">
        <TriangleAlert className="size-4" aria-hidden="true" />
        {t("title")}
      </h3>
      <p className="mt-1 text-xs text-amber-950">{t("explain", { version: conflict.current.version })}</p>
      <table className="mt-2 w-full table-fixed text-xs">
        <thead>
          <tr className="text-left">
            <th scope="col" className="w-1/4 pb-1 font-semibold">{t("field")}</th>
            <th scope="col" className="pb-1 font-semibold">{t("mine")}</th>
            <th scope="col" className="pb-1 font-semibold">{t("theirs")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} className="align-top">
              <th scope="row" className="py-0.5 pr-1 text-left font-medium">{t.has(`fields.${field}`) ? t(`fields.${field}`) : field}</th>
              <td className="break-words py-0.5 pr-2" data-testid={`conflict-mine-${field}`}>{shown(field, mine(field), labels, all, t("empty"))}</td>
              <td className="break-words py-0.5" data-testid={`conflict-theirs-${field}`}>{shown(field, currentValue(field, conflict.current), labels, all, t("empty"))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex gap-2">
        <button type="button" onClick={() => onResolve("mine")} className="rounded bg-stone-900 px-2 py-1 text-xs font-medium text-white hover:bg-black">
          {t("keepMine")}
        </button>
        <button type="button" onClick={() => onResolve("theirs")} className="rounded border border-stone-400 bg-white px-2 py-1 text-xs font-medium hover:bg-stone-100">
          {t("takeTheirs")}
        </button>
      </div>
    </section>
  );
}
