import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { awaitingSignOff } from "@/lib/dashboard/awaiting-sign-off";
import { reviewerQueue } from "@/lib/dashboard/reviewer-queue";
import { AwaitingSignOffList } from "./awaiting-sign-off-list";
import { LiveRefresh } from "./live-refresh";
import { QueueArticleList } from "./queue-article-list";

/** A reviewer's home: the articles assigned to them and the findings waiting for their sign-off. */
export async function ReviewerQueueView({ user, scope, now }: { user: CurrentUser; scope: "assigned" | "all"; now: Date }) {
  const t = await getTranslations("dashboard");
  const [articles, awaiting] = await Promise.all([reviewerQueue(user), awaitingSignOff(user, { scope, limit: 50 })]);
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("queue.title")}</h1>
        <LiveRefresh />
        <div className="ml-auto flex gap-4 text-sm">
          <Link href="/?view=all" className="text-stone-700 underline-offset-2 hover:underline">
            {t("allArticles")}
          </Link>
          <Link href="/activity" className="text-stone-700 underline-offset-2 hover:underline">
            {t("activityLink")}
          </Link>
        </div>
      </div>
      <section aria-labelledby="queue-articles" className="mt-6">
        <h2 id="queue-articles" className="text-lg font-semibold">
          {t("queue.assigned", { count: articles.length })}
        </h2>
        <QueueArticleList articles={articles} now={now} />
      </section>
      <section aria-labelledby="queue-awaiting" className="mt-8">
        <div className="flex flex-wrap items-baseline gap-3">
          <h2 id="queue-awaiting" className="text-lg font-semibold">
            {awaiting.totalIsCapped ? t("queue.awaitingCapped", { count: awaiting.total }) : t("queue.awaiting", { count: awaiting.total })}
          </h2>
          <nav aria-label={t("queue.scopeLabel")} className="flex gap-2 text-sm">
            {(["assigned", "all"] as const).map((s) => (
              <Link
                key={s}
                href={s === "assigned" ? "/" : "/?scope=all"}
                aria-current={scope === s ? "page" : undefined}
                className={`rounded px-2 py-0.5 ${scope === s ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-100"}`}
              >
                {t(`queue.scope.${s}`)}
              </Link>
            ))}
          </nav>
        </div>
        <p className="mt-1 text-sm text-stone-600">{t("queue.awaitingHelp")}</p>
        <AwaitingSignOffList items={awaiting.items} total={awaiting.total} now={now} />
      </section>
    </main>
  );
}
