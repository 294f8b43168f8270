"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import type { Role } from "@/lib/auth/policy";

interface Props {
  outlets: string[];
  people: { id: string; name: string; role: Role }[];
}

const FILTER_KEYS = ["q", "status", "outlet", "language", "reviewer", "hasFalse", "hasOrphans"] as const;

/**
 * The dashboard's filters. Their state lives in the URL (shareable, back button works);
 * any change goes back to the first page.
 */
export function DashboardFilters({ outlets, people }: Props) {
  const t = useTranslations("dashboard");
  const tw = useTranslations("articles");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");

  const apply = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    next.delete("page");
    const search = next.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  const select = (key: (typeof FILTER_KEYS)[number], label: string, any: string, options: { value: string; label: string }[]) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-stone-600">
      {label}
      <select
        name={key}
        value={params.get(key) ?? ""}
        onChange={(e) => apply({ [key]: e.target.value })}
        className="rounded border border-stone-300 bg-white px-2 py-1.5 text-sm font-normal text-stone-900"
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  const toggle = (key: "hasFalse" | "hasOrphans", label: string) => (
    <label className="flex items-center gap-2 text-sm text-stone-800">
      <input type="checkbox" name={key} checked={params.get(key) === "true"} onChange={(e) => apply({ [key]: e.target.checked ? "true" : null })} className="h-4 w-4 rounded border-stone-400" />
      {label}
    </label>
  );

  const active = FILTER_KEYS.some((k) => params.has(k));
  return (
    <section aria-label={t("filters.label")} aria-busy={pending} className="mt-4 rounded-lg border border-stone-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <form
          role="search"
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            apply({ q: q.trim() || null });
          }}
        >
          <label className="flex flex-col gap-1 text-xs font-medium text-stone-600">
            {t("filters.search")}
            <input
              type="search"
              name="q"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              placeholder={t("filters.searchPlaceholder")}
              className="w-64 rounded border border-stone-300 px-2 py-1.5 text-sm font-normal text-stone-900"
            />
          </label>
          <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700">
            {t("filters.searchButton")}
          </button>
        </form>
        {select("status", t("filters.status"), t("filters.anyStatus"), (["draft", "in_review", "approved"] as const).map((s) => ({ value: s, label: tw(`workflow.${s}`) })))}
        {select("outlet", t("filters.outlet"), t("filters.anyOutlet"), outlets.map((o) => ({ value: o, label: o })))}
        {select("language", t("filters.language"), t("filters.anyLanguage"), (["fr", "en"] as const).map((l) => ({ value: l, label: t(`languages.${l}`) })))}
        {select("reviewer", t("filters.reviewer"), t("filters.anyReviewer"), [
          { value: "none", label: t("filters.unassigned") },
          ...people.map((p) => ({ value: p.id, label: p.name })),
        ])}
        <div className="flex flex-col gap-1">
          {toggle("hasFalse", t("filters.hasFalse"))}
          {toggle("hasOrphans", t("filters.hasOrphans"))}
        </div>
        {active && (
          <button
            type="button"
            onClick={() => {
              setQ("");
              apply(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
            }}
            className="ml-auto rounded border border-stone-300 px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-100"
          >
            {t("filters.clear")}
          </button>
        )}
      </div>
    </section>
  );
}
