"use client";

import { Keyboard, Users } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ArticleDto } from "@/lib/annotations/types";
import type { OutboxSnapshot } from "@/lib/client/outbox-types";
import type { PresenceUser } from "@/lib/live/types";
import { SaveIndicator } from "./save-indicator";

/** Title, outlet and status of the article; who else is here; the save state; and, when needed, a call to reload. */
export function WorkspaceHeader({
  article,
  others,
  snapshot,
  textEditedBy,
  onRetry,
  onShowConflict,
  onHelp,
  actions,
  notice,
}: {
  article: Omit<ArticleDto, "text">;
  others: PresenceUser[];
  snapshot: OutboxSnapshot;
  /** Someone edited the article text since this page was loaded. */
  textEditedBy: string | null;
  onRetry: () => void;
  onShowConflict: (annotationId: string) => void;
  onHelp: () => void;
  /** Editing the text and exporting, as the person may. */
  actions?: React.ReactNode;
  /** The outcome of the last text save. */
  notice?: React.ReactNode;
}) {
  const t = useTranslations("editor");
  return (
    <>
      <header className="flex flex-wrap items-start gap-x-6 gap-y-2 border-b border-stone-200 bg-white px-4 py-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold leading-snug tracking-tight">{article.title}</h1>
          <p className="mt-0.5 text-sm text-stone-600">
            {[article.outlet, t(`workflow.${article.status}`), article.language.toUpperCase()].filter(Boolean).join(" · ")}
          </p>
        </div>
        {others.length > 0 && (
          <p className="flex items-center gap-1 text-sm text-stone-600" data-testid="presence">
            <Users className="size-4" aria-hidden="true" />
            {t("presence", { names: others.map((p) => p.name).join(", ") })}
          </p>
        )}
        <SaveIndicator snapshot={snapshot} onRetry={onRetry} onShowConflict={onShowConflict} />
        <Link href={`/articles/${article.id}/verification`} className="text-sm text-stone-700 underline underline-offset-2 hover:text-stone-950">
          {t("overview")}
        </Link>
        <Link href={`/articles/${article.id}/revisions`} className="text-sm text-stone-700 underline underline-offset-2 hover:text-stone-950">
          {t("revisionsLink")}
        </Link>
        {actions}
        <button
          type="button"
          onClick={onHelp}
          className="flex items-center gap-1.5 rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100"
          aria-keyshortcuts="?"
        >
          <Keyboard className="size-4" aria-hidden="true" />
          {t("shortcuts.button")}
        </button>
      </header>
      {notice}
      {textEditedBy && (
        <div role="alert" className="flex items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950">
          <p className="flex-1">{t("textEdited", { name: textEditedBy })}</p>
          <button type="button" onClick={() => window.location.reload()} className="rounded bg-stone-900 px-2 py-1 text-xs font-medium text-white">
            {t("reload")}
          </button>
        </div>
      )}
    </>
  );
}
