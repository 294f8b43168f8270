"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/lib/client/api";

export function LanguageSwitch({ current }: { current: string }) {
  const t = useTranslations("common");
  const router = useRouter();
  return (
    <label className="flex items-center gap-1 text-stone-600">
      <span className="sr-only">{t("language")}</span>
      <select
        value={current}
        onChange={async (e) => {
          await apiFetch("/api/v1/me/locale", { method: "POST", body: { locale: e.target.value } });
          router.refresh();
        }}
        className="rounded border border-stone-300 bg-white px-1 py-0.5"
      >
        <option value="en">English</option>
        <option value="fr">Français</option>
      </select>
    </label>
  );
}
