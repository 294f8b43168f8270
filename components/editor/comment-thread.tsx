"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { MAX_COMMENT_LENGTH } from "@/lib/annotations/limits";
import type { CommentDto } from "@/lib/annotations/types";
import type { OutboxOp } from "@/lib/client/outbox-types";
import { useFetched } from "./use-fetched";

export function CommentThread({
  annotationId,
  saved,
  pending,
  sent,
  onSend,
}: {
  annotationId: string;
  /** The server has the annotation (not only this browser's outbox). */
  saved: boolean;
  /** Comments of this annotation still in the outbox. */
  pending: Extract<OutboxOp, { type: "comment" }>[];
  /** Comments confirmed since the page loaded (the fetched list may predate them). */
  sent: CommentDto[];
  onSend: (body: string) => void;
}) {
  const t = useTranslations("editor.comments");
  const format = useFormatter();
  const id = useId();
  const [draft, setDraft] = useState("");
  const { data, error } = useFetched<{ items: CommentDto[] }>(saved ? `/api/v1/annotations/${annotationId}/comments` : null);
  const comments = useMemo(() => {
    const byId = new Map<string, CommentDto>();
    for (const c of [...(data?.items ?? []), ...sent.filter((c) => c.annotationId === annotationId)]) byId.set(c.id, c);
    return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }, [data, sent, annotationId]);

  const submit = () => {
    const body = draft.trim();
    if (!body) return;
    onSend(body);
    setDraft("");
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="sr-only">
        {t("title")}
      </h3>
      {error && <p className="text-xs text-red-800">{t("loadFailed", { message: error })}</p>}
      {comments.length === 0 && pending.length === 0 && !error && <p className="text-xs text-stone-500">{t("empty")}</p>}
      <ol className="space-y-2">
        {comments.map((c) => (
          <li key={c.id} className="rounded bg-white px-2 py-1 text-sm ring-1 ring-stone-200">
            <p className="text-xs text-stone-600">
              <span className="font-semibold text-stone-800">{c.author.name}</span> ·{" "}
              <time dateTime={c.createdAt}>{format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
            <p className="whitespace-pre-wrap break-words">{c.body}</p>
          </li>
        ))}
        {pending.map((c) => (
          <li key={c.opId} className="rounded bg-white px-2 py-1 text-sm opacity-70 ring-1 ring-dashed ring-stone-300">
            <p className="text-xs text-stone-600">{t("sending")}</p>
            <p className="whitespace-pre-wrap break-words">{c.body}</p>
          </li>
        ))}
      </ol>
      <form
        className="mt-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`${id}-body`} className="block text-xs font-semibold text-stone-700">
          {t("add")}
        </label>
        <textarea
          id={`${id}-body`}
          value={draft}
          maxLength={MAX_COMMENT_LENGTH}
          rows={2}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
          className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm"
        />
        <button type="submit" disabled={!draft.trim()} className="mt-1 rounded bg-stone-800 px-2 py-1 text-xs font-medium text-white hover:bg-stone-950 disabled:opacity-50">
          {t("send")}
        </button>
      </form>
    </section>
  );
}
