"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function SignInForm({ initialError, callbackUrl }: { initialError: string | null; callbackUrl: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  const message = (code: string) => (code === "RateLimited" ? t("rateLimited") : t("invalidCredentials"));

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(result?.error ?? "CredentialsSignin");
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="w-full max-w-sm space-y-4 rounded-lg border border-stone-200 bg-white p-8 shadow-sm" noValidate>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Factmark</h1>
        <p className="mt-1 text-sm text-stone-600">{t("tagline")}</p>
      </div>
      {error && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {message(error)}
        </p>
      )}
      <label className="block text-sm font-medium">
        {t("email")}
        <input name="email" type="email" autoComplete="username" required className="mt-1 block w-full rounded border border-stone-300 px-3 py-2" />
      </label>
      <label className="block text-sm font-medium">
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded border border-stone-300 px-3 py-2" />
      </label>
      <button type="submit" disabled={pending} className="w-full rounded bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60">
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
