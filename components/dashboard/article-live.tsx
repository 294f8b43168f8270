"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useArticleStream } from "@/lib/live/use-article-stream";

/**
 * Keeps a read-only article page current: each event on the article re-renders it (at most
 * once a second), and shows who else has the article open.
 */
export function ArticleLive({ articleId, since, currentUserId }: { articleId: string; since: string; currentUserId: string }) {
  const t = useTranslations("dashboard");
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { presence, status } = useArticleStream(
    articleId,
    () => {
      timer.current ??= setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, 300);
    },
    { since },
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const others = presence.filter((p) => p.id !== currentUserId);
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-stone-600" data-testid="article-live">
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${status === "live" ? "bg-emerald-500" : "bg-amber-500"}`} />
        {status === "live" ? t("live.on") : t("live.reconnecting")}
      </span>
      <span data-testid="presence">{others.length === 0 ? t("presence.alone") : t("presence.others", { names: others.map((p) => p.name).join(", "), count: others.length })}</span>
    </div>
  );
}
