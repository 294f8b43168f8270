"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens";

export function TokenManager({ initialTokens }: { initialTokens: ApiTokenSummary[] }) {
  const t = useTranslations("admin");
  const format = useFormatter();
  const [tokens, setTokens] = useState(initialTokens);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : "—");

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const expires = String(form.get("expiresAt") ?? "");
    try {
      const created = await apiFetch<{ token: ApiTokenSummary; secret: string }>("/api/v1/me/tokens", {
        method: "POST",
        body: { name: form.get("name"), expiresAt: expires || null },
      });
      setTokens((list) => [created.token, ...list]);
      setSecret(created.secret);
      setError(null);
      formElement.reset();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  async function revoke(id: string) {
    await apiFetch(`/api/v1/me/tokens/${id}`, { method: "DELETE" });
    setTokens((list) => list.map((x) => (x.id === id ? { ...x, revokedAt: new Date().toISOString() } : x)));
  }

  return (
    <section aria-labelledby="tokens-title" className="space-y-4">
      <h2 id="tokens-title" className="text-lg font-semibold">{t("tokensTitle")}</h2>
      <p className="text-sm text-stone-600">{t("tokensHelp")}</p>
      {secret && (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">{t("tokenShownOnce")}</p>
          <code data-testid="token-secret" className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono">{secret}</code>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <form onSubmit={onCreate} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          {t("tokenName")}
          <input name="name" required className="mt-1 block rounded border border-stone-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          {t("tokenExpires")}
          <input name="expiresAt" type="date" className="mt-1 block rounded border border-stone-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700">
          {t("createToken")}
        </button>
      </form>
      <table className="w-full rounded border border-stone-200 bg-white text-left text-sm">
        <thead className="bg-stone-100 text-xs uppercase text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t("tokenName")}</th>
            <th scope="col" className="px-3 py-2">{t("tokenPrefix")}</th>
            <th scope="col" className="px-3 py-2">{t("tokenCreated")}</th>
            <th scope="col" className="px-3 py-2">{t("tokenLastUsed")}</th>
            <th scope="col" className="px-3 py-2">{t("tokenExpires")}</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">{t("actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((tok) => (
            <tr key={tok.id} className="border-t border-stone-100">
              <td className="px-3 py-2">{tok.name}</td>
              <td className="px-3 py-2 font-mono">{tok.prefix}…</td>
              <td className="px-3 py-2">{when(tok.createdAt)}</td>
              <td className="px-3 py-2">{when(tok.lastUsedAt)}</td>
              <td className="px-3 py-2">{when(tok.expiresAt)}</td>
              <td className="px-3 py-2 text-right">
                {tok.revokedAt ? (
                  <span className="text-stone-500">{t("revoked")}</span>
                ) : (
                  <button type="button" onClick={() => revoke(tok.id)} className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100">
                    {t("revoke")} <span className="sr-only">{tok.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
