"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { UserRef } from "@/lib/annotations/types";
import { ApiError, apiFetch } from "@/lib/client/api";

interface Props {
  articleId: string;
  status: "draft" | "in_review" | "approved";
  /** Claims and figures not signed off yet. */
  pending: number;
  approval: { by: UserRef | null; at: string | null; override: string | null };
  canApprove: boolean;
  canReopen: boolean;
}

/**
 * Approve or reopen the article. Approval with claims or figures still unverified needs a
 * reason, which is recorded with the approval; reopening always needs one. The server
 * applies the same rules (PATCH /api/v1/articles/:id).
 */
export function ApprovalPanel({ articleId, status, pending, approval, canApprove, canReopen }: Props) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const approved = status === "approved";
  const needsReason = approved || pending > 0;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      try {
        await apiFetch(`/api/v1/articles/${articleId}`, {
          method: "PATCH",
          body: approved ? { status: "in_review", reason: reason.trim() } : { status: "approved", ...(pending > 0 ? { reason: reason.trim() } : {}) },
        });
        setReason("");
        router.refresh();
      } catch (e) {
        setError(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : String(e));
      }
    });
  };

  if (approved ? !canReopen : !canApprove) return null;
  return (
    <section aria-labelledby="approval-title" className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <h2 id="approval-title" className="text-xs font-semibold uppercase tracking-wide text-stone-600">
        {t("verification.approval")}
      </h2>
      {approved ? (
        <div className="mt-2 space-y-1" data-testid="approval-state">
          <p>
            {t("verification.approvedBy", {
              name: approval.by?.name ?? "?",
              when: approval.at ? format.dateTime(new Date(approval.at), { dateStyle: "medium", timeStyle: "short" }) : "",
            })}
          </p>
          {approval.override && (
            <p className="rounded border border-amber-300 bg-amber-50 p-2">
              <span className="font-medium">{t("verification.overrideReason")}</span> {approval.override}
            </p>
          )}
        </div>
      ) : (
        <p className="mt-2" data-testid="approval-state">
          {pending === 0 ? t("verification.readyToApprove") : t("verification.notReady", { pending })}
        </p>
      )}
      <form onSubmit={submit} className="mt-3 space-y-2">
        {needsReason && (
          <label className="block text-xs font-medium text-stone-700">
            {approved ? t("verification.reopenReason") : t("verification.overrideLabel")}
            <textarea
              name="reason"
              required
              minLength={3}
              maxLength={2000}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              className="mt-1 block w-full rounded border border-stone-300 px-2 py-1 text-sm font-normal"
            />
          </label>
        )}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className={`rounded px-3 py-1.5 font-medium text-white disabled:opacity-60 ${approved ? "bg-stone-700 hover:bg-stone-600" : pending > 0 ? "bg-amber-700 hover:bg-amber-600" : "bg-emerald-700 hover:bg-emerald-600"}`}
        >
          {approved ? t("verification.reopen") : pending > 0 ? t("verification.approveAnyway") : t("verification.approve")}
        </button>
      </form>
    </section>
  );
}
