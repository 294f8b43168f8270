"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { Role } from "@/lib/auth/policy";
import { ApiError, apiFetch } from "@/lib/client/api";
import type { AssignmentDto } from "@/lib/dashboard/list-assignments";

interface Props {
  articleId: string;
  assignments: AssignmentDto[];
  people: { id: string; name: string; role: Role }[];
  canAssign: boolean;
  locked: boolean;
}

/** Who has this article in their queue; editors add and remove people. */
export function AssignmentPanel({ articleId, assignments, people, canAssign, locked }: Props) {
  const t = useTranslations("dashboard");
  const tc = useTranslations("common");
  const router = useRouter();
  const [userId, setUserId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const assigned = new Set(assignments.map((a) => a.user.id));
  const candidates = people.filter((p) => !assigned.has(p.id));

  const call = (method: "POST" | "DELETE", id: string) => {
    setError(null);
    startTransition(async () => {
      try {
        await apiFetch(`/api/v1/articles/${articleId}/assignments`, { method, body: { userId: id } });
        setUserId("");
        router.refresh();
      } catch (e) {
        setError(e instanceof ApiError ? e.message : String(e));
      }
    });
  };

  return (
    <section aria-labelledby="assign-title" className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
      <h2 id="assign-title" className="text-xs font-semibold uppercase tracking-wide text-stone-600">
        {t("verification.assigned")}
      </h2>
      {assignments.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("verification.nobodyAssigned")}</p>
      ) : (
        <ul className="mt-2 space-y-1" data-testid="assignments">
          {assignments.map((a) => (
            <li key={a.user.id} className="flex items-center justify-between gap-2">
              <span>
                {a.user.name} <span className="text-xs text-stone-500">· {tc(`roles.${a.user.role}`)}</span>
              </span>
              {canAssign && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => call("DELETE", a.user.id)}
                  aria-label={t("verification.unassignPerson", { name: a.user.name })}
                  className="rounded border border-stone-300 px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-100"
                >
                  {t("verification.unassign")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAssign && !locked && candidates.length > 0 && (
        <form
          className="mt-3 flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (userId) call("POST", userId);
          }}
        >
          <label className="flex flex-1 flex-col gap-1 text-xs font-medium text-stone-700">
            {t("verification.assignLabel")}
            <select value={userId} onChange={(e) => setUserId(e.target.value)} required className="rounded border border-stone-300 bg-white px-2 py-1 text-sm font-normal">
              <option value="">{t("verification.choosePerson")}</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({tc(`roles.${p.role}`)})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy || !userId} className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 disabled:opacity-60">
            {t("verification.assign")}
          </button>
        </form>
      )}
      {canAssign && !locked && <p className="mt-2 text-xs text-stone-600">{t("verification.assignHint")}</p>}
      {error && (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
