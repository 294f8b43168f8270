"use client";

import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import type { OutboxSnapshot } from "@/lib/client/outbox-types";

/** The article's save state: Saving… / Saved / Failed (n pending) — retrying. */
export function SaveIndicator({ snapshot, onRetry, onShowConflict }: { snapshot: OutboxSnapshot; onRetry: () => void; onShowConflict: (annotationId: string) => void }) {
  const t = useTranslations("editor.save");
  const format = useFormatter();
  const pending = snapshot.ops.length;
  const state = snapshot.status === "failed" ? "failed" : pending > 0 || snapshot.status === "saving" ? "saving" : "saved";
  const conflicts = snapshot.conflicts.length;
  return (
    <div className="flex items-center gap-3">
    {conflicts > 0 && (
      <button
        type="button"
        onClick={() => onShowConflict(snapshot.conflicts[0].annotationId)}
        className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-950 ring-1 ring-amber-400"
      >
        {t("conflicts", { count: conflicts, formatted: format.number(conflicts) })}
      </button>
    )}
    <div role="status" aria-live="polite" className="flex items-center gap-1.5 text-sm" data-testid="save-state" data-state={state} data-pending={pending}>
      {state === "saved" && (
        <>
          <CircleCheck className="size-4 text-emerald-700" aria-hidden="true" />
          <span className="text-stone-700">{t("saved")}</span>
        </>
      )}
      {state === "saving" && (
        <>
          <LoaderCircle className="size-4 animate-spin text-stone-600" aria-hidden="true" />
          <span className="text-stone-700">{t("saving")}</span>
        </>
      )}
      {state === "failed" && (
        <>
          <CircleAlert className="size-4 text-red-700" aria-hidden="true" />
          <span className="font-medium text-red-800" title={snapshot.lastError ?? undefined}>
            {t("failed", { count: pending, formatted: format.number(pending) })}
          </span>
          <button type="button" onClick={onRetry} className="text-xs text-stone-700 underline underline-offset-2">
            {t("retryNow")}
          </button>
        </>
      )}
    </div>
    </div>
  );
}
