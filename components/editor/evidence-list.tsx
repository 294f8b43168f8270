"use client";

import { ExternalLink, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { EvidenceDto } from "@/lib/annotations/types";
import { MAX_EVIDENCE_ITEMS } from "@/lib/annotations/limits";

/** True for an absolute http(s) URL, the only kind the API accepts (no javascript:, no relative links). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export function EvidenceList({ items, onChange }: { items: EvidenceDto[]; onChange: (next: EvidenceDto[]) => void }) {
  const t = useTranslations("editor.evidence");
  const id = useId();
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [quote, setQuote] = useState("");
  const [error, setError] = useState<string | null>(null);

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!isHttpUrl(url)) return setError(t("invalidUrl"));
    if (items.length >= MAX_EVIDENCE_ITEMS) return setError(t("tooMany", { max: MAX_EVIDENCE_ITEMS }));
    onChange([...items, { url: url.trim(), title: title.trim(), quote: quote.trim(), note: "" }]);
    setUrl("");
    setTitle("");
    setQuote("");
    setError(null);
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="text-xs font-semibold text-stone-700">
        {t("title")}
      </h3>
      {items.length === 0 ? (
        <p className="text-xs text-stone-500">{t("empty")}</p>
      ) : (
        <ul className="mt-1 space-y-2">
          {items.map((item, index) => (
            <li key={`${item.url}-${index}`} className="rounded border border-stone-200 bg-white px-2 py-1 text-sm">
              <div className="flex items-start gap-2">
                <a href={item.url} target="_blank" rel="noopener noreferrer" className="min-w-0 flex-1 break-words text-blue-800 underline underline-offset-2">
                  {item.title || item.url}
                  <ExternalLink className="ml-1 inline size-3 align-[-1px]" aria-hidden="true" />
                  <span className="sr-only"> {t("newTab")}</span>
                </a>
                <button
                  type="button"
                  className="rounded p-0.5 text-stone-500 hover:text-red-700"
                  aria-label={t("remove", { title: item.title || item.url })}
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                >
                  <Trash2 className="size-4" aria-hidden="true" />
                </button>
              </div>
              {item.title && <p className="break-all text-xs text-stone-500">{item.url}</p>}
              {item.quote && <blockquote className="mt-1 border-l-2 border-stone-300 pl-2 text-xs italic text-stone-700">{item.quote}</blockquote>}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="mt-2 space-y-1 rounded bg-stone-100 p-2" noValidate>
        <label className="block text-xs">
          <span className="text-stone-700">{t("url")}</span>
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            className="mt-0.5 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm"
          />
        </label>
        <label className="block text-xs">
          <span className="text-stone-700">{t("linkTitle")}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} className="mt-0.5 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm" />
        </label>
        <label className="block text-xs">
          <span className="text-stone-700">{t("quote")}</span>
          <textarea value={quote} onChange={(e) => setQuote(e.target.value)} rows={2} className="mt-0.5 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm" />
        </label>
        {error && (
          <p id={`${id}-err`} role="alert" className="text-xs font-medium text-red-800">
            {error}
          </p>
        )}
        <button type="submit" className="inline-flex items-center gap-1 rounded bg-stone-800 px-2 py-1 text-xs font-medium text-white hover:bg-stone-950">
          <Plus className="size-3.5" aria-hidden="true" />
          {t("add")}
        </button>
      </form>
    </section>
  );
}
