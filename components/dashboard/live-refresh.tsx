"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useLiveChanges } from "@/lib/live/use-live-changes";

const MIN_INTERVAL_MS = 1_000;

/**
 * Re-renders the page's server components when anything changes on any article, at most
 * once a second (a burst of changes costs one reload), and not while the tab is hidden
 * (it catches up when shown again). `enabled: false` on pages that must not move (an older
 * page of the activity feed).
 */
export function LiveRefresh({ enabled = true }: { enabled?: boolean }) {
  const t = useTranslations("dashboard");
  const router = useRouter();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const missed = useRef(false);
  const [updates, setUpdates] = useState(0);

  const refresh = () => {
    if (!enabled) return;
    if (document.hidden) {
      missed.current = true;
      return;
    }
    if (timer.current) return;
    const wait = Math.max(0, last.current + MIN_INTERVAL_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      router.refresh();
      setUpdates((n) => n + 1);
    }, wait);
  };

  useLiveChanges(() => refresh());

  useEffect(() => {
    const onVisible = () => {
      if (!document.hidden && missed.current) {
        missed.current = false;
        router.refresh();
      }
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [router]);

  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-stone-600" data-testid="live-indicator" data-updates={updates}>
      <span className="inline-block h-2 w-2 rounded-full bg-emerald-500" aria-hidden="true" />
      {enabled ? t("live.on") : t("live.paused")}
      <span className="sr-only" role="status" aria-live="polite">
        {updates > 0 ? t("live.updated") : ""}
      </span>
    </span>
  );
}
