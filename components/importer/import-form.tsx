"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/client/api";

type Mode = "paste" | "upload";
type Duplicate = { existingId: string; message: string };

const input = "mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1.5";

export function ImportForm() {
  const t = useTranslations("importer");
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("paste");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);

  async function submit(form: HTMLFormElement, allowDuplicate: boolean) {
    const data = new FormData(form);
    const metadata: Record<string, string> = {};
    for (const key of ["title", "url", "outlet", "author", "language", "publishedAt"]) {
      const value = String(data.get(key) ?? "").trim();
      if (value) metadata[key] = value;
    }
    setPending(true);
    setError(null);
    try {
      let created: { id: string };
      if (mode === "paste") {
        created = await apiFetch("/api/v1/articles", {
          method: "POST",
          body: { ...metadata, format: data.get("format"), body: String(data.get("body") ?? ""), allowDuplicate },
        });
      } else {
        const upload = new FormData();
        const file = data.get("file");
        if (file instanceof File && file.size > 0) upload.set("file", file);
        for (const [k, v] of Object.entries(metadata)) upload.set(k, v);
        if (allowDuplicate) upload.set("allowDuplicate", "true");
        const res = await fetch("/api/v1/articles/upload", { method: "POST", body: upload });
        const json = (await res.json()) as { id: string; error?: { code: string; message: string; existingId?: string; fields?: Record<string, string> } };
        if (!res.ok) throw new ApiError(res.status, json.error?.code ?? "http_error", json.error?.message ?? `HTTP ${res.status}`, json.error?.fields, json as Record<string, unknown>);
        created = json;
      }
      router.push(`/articles/${created.id}`);
    } catch (e) {
      setPending(false);
      if (e instanceof ApiError && e.code === "duplicate") {
        const details = (e.body.error ?? {}) as { existingId?: string };
        setDuplicate({ existingId: details.existingId ?? "", message: e.message });
        return;
      }
      const fields = e instanceof ApiError ? Object.entries(e.fields).map(([k, v]) => `${k}: ${v}`).join("; ") : "";
      setError(t("error", { message: fields || (e instanceof Error ? e.message : String(e)) }));
    }
  }

  return (
    <form
      className="mt-6 space-y-5 rounded-lg border border-stone-200 bg-white p-6"
      onSubmit={(e) => {
        e.preventDefault();
        setDuplicate(null);
        void submit(e.currentTarget, false);
      }}
    >
      <div role="tablist" className="flex gap-2">
        {(["paste", "upload"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="tab"
            aria-selected={mode === m}
            onClick={() => setMode(m)}
            className={`rounded px-3 py-1.5 text-sm font-medium ${mode === m ? "bg-stone-900 text-white" : "border border-stone-300 text-stone-700 hover:bg-stone-100"}`}
          >
            {t(m)}
          </button>
        ))}
      </div>

      {mode === "paste" ? (
        <>
          <label className="block text-sm font-medium">
            {t("format")}
            <select name="format" defaultValue="text" className={input}>
              {(["text", "html", "markdown"] as const).map((f) => (
                <option key={f} value={f}>
                  {t(`formats.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium">
            {t("body")}
            <textarea name="body" required rows={14} className={`${input} font-serif`} />
          </label>
        </>
      ) : (
        <label className="block text-sm font-medium">
          {t("file")}
          <input name="file" type="file" required accept=".txt,.html,.htm,.md,.markdown,.docx" className={input} />
        </label>
      )}

      <div className="grid grid-cols-2 gap-4">
        <label className="col-span-2 block text-sm font-medium">
          {t("articleTitle")}
          <input name="title" required={mode === "paste"} className={input} />
          {mode === "upload" && <span className="text-xs font-normal text-stone-500">{t("articleTitleHelp")}</span>}
        </label>
        <label className="block text-sm font-medium">
          {t("url")}
          <input name="url" type="url" placeholder="https://" className={input} />
        </label>
        <label className="block text-sm font-medium">
          {t("outlet")}
          <input name="outlet" className={input} />
        </label>
        <label className="block text-sm font-medium">
          {t("author")}
          <input name="author" className={input} />
        </label>
        <label className="block text-sm font-medium">
          {t("publishedAt")}
          <input name="publishedAt" type="date" className={input} />
        </label>
        <label className="block text-sm font-medium">
          {t("language")}
          <select name="language" defaultValue="" className={input}>
            <option value="">{t("languageAuto")}</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>

      {error && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {duplicate && (
        <div role="alert" className="space-y-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          <p>
            {t("duplicate")} {duplicate.message}
          </p>
          <div className="flex gap-3">
            <Link href={`/articles/${duplicate.existingId}`} className="font-medium underline">
              {t("openExisting")}
            </Link>
            <button
              type="button"
              className="font-medium underline"
              onClick={(e) => {
                const form = e.currentTarget.closest("form");
                if (form) void submit(form, true);
              }}
            >
              {t("importAnyway")}
            </button>
          </div>
        </div>
      )}

      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
