"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";

export function PasswordForm() {
  const t = useTranslations("admin");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      await apiFetch("/api/v1/me/password", {
        method: "POST",
        body: { currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") },
      });
      setMessage({ ok: true, text: t("passwordChanged") });
      formElement.reset();
    } catch (e) {
      const fields = e instanceof ApiError ? Object.entries(e.fields).map(([k, v]) => `${t(`field.${k}`)}: ${v}`) : [];
      setMessage({ ok: false, text: fields.length ? fields.join("; ") : String(e) });
    }
  }

  return (
    <section aria-labelledby="password-title" className="space-y-3">
      <h2 id="password-title" className="text-lg font-semibold">{t("passwordTitle")}</h2>
      {message && <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}>{message.text}</p>}
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          {t("field.currentPassword")}
          <input name="currentPassword" type="password" autoComplete="current-password" required className="mt-1 block rounded border border-stone-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          {t("field.newPassword")}
          <input name="newPassword" type="password" autoComplete="new-password" minLength={10} required className="mt-1 block rounded border border-stone-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700">
          {t("changePassword")}
        </button>
      </form>
    </section>
  );
}
