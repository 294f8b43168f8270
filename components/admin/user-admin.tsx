"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";
import type { UserSummary } from "@/lib/users/users";

const ROLES = ["ADMIN", "EDITOR", "REVIEWER"] as const;

export function UserAdmin({ initialUsers, selfId }: { initialUsers: UserSummary[]; selfId: string }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const [users, setUsers] = useState(initialUsers);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const fail = (e: unknown) => setMessage({ kind: "error", text: e instanceof ApiError ? e.message : String(e) });
  const replace = (u: UserSummary) => setUsers((list) => list.map((x) => (x.id === u.id ? u : x)));

  async function update(id: string, body: Record<string, unknown>, done: string) {
    try {
      replace(await apiFetch<UserSummary>(`/api/v1/users/${id}`, { method: "PATCH", body }));
      setMessage({ kind: "ok", text: done });
    } catch (e) {
      fail(e);
    }
  }

  async function onCreate(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    try {
      const created = await apiFetch<UserSummary>("/api/v1/users", {
        method: "POST",
        body: { email: form.get("email"), name: form.get("name"), role: form.get("role"), password: form.get("password") },
      });
      setUsers((list) => [...list, created]);
      setMessage({ kind: "ok", text: t("created", { email: created.email }) });
      formElement.reset();
    } catch (e) {
      fail(e);
    }
  }

  return (
    <div className="mt-6 space-y-8">
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={`rounded px-3 py-2 text-sm ${message.kind === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}>
          {message.text}
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 bg-stone-100 text-xs uppercase tracking-wide text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2">{t("name")}</th>
              <th scope="col" className="px-4 py-2">{t("email")}</th>
              <th scope="col" className="px-4 py-2">{t("role")}</th>
              <th scope="col" className="px-4 py-2">{t("state")}</th>
              <th scope="col" className="px-4 py-2">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-${u.email}`} className="border-b border-stone-100 last:border-0">
                <td className="px-4 py-2 font-medium">{u.name}</td>
                <td className="px-4 py-2">{u.email}</td>
                <td className="px-4 py-2">
                  <select
                    aria-label={t("roleOf", { name: u.name })}
                    value={u.role}
                    disabled={u.id === selfId}
                    onChange={(e) => update(u.id, { role: e.target.value }, t("roleChanged"))}
                    className="rounded border border-stone-300 bg-white px-1 py-0.5"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {tc(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-4 py-2">{u.active ? t("active") : t("deactivated")}</td>
                <td className="flex gap-2 px-4 py-2">
                  {u.id !== selfId && (
                    <button type="button" className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100" onClick={() => update(u.id, { active: !u.active }, u.active ? t("deactivatedDone") : t("reactivatedDone"))}>
                      {u.active ? t("deactivate") : t("reactivate")}
                    </button>
                  )}
                  <button
                    type="button"
                    className="rounded border border-stone-300 px-2 py-0.5 hover:bg-stone-100"
                    onClick={() => {
                      const password = window.prompt(t("newPasswordPrompt", { name: u.name }));
                      if (password) void update(u.id, { password }, t("passwordSet"));
                    }}
                  >
                    {t("setPassword")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={onCreate} className="grid max-w-xl grid-cols-2 gap-3 rounded-lg border border-stone-200 bg-white p-6">
        <h2 className="col-span-2 text-lg font-semibold">{t("createTitle")}</h2>
        <label className="text-sm">
          {t("email")}
          <input name="email" type="email" required className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          {t("name")}
          <input name="name" required className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
        </label>
        <label className="text-sm">
          {t("role")}
          <select name="role" defaultValue="REVIEWER" className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tc(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("initialPassword")}
          <input name="password" type="password" minLength={10} required className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
        </label>
        <button type="submit" className="col-span-2 rounded bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700">
          {t("create")}
        </button>
      </form>
    </div>
  );
}
