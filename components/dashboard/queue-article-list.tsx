import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { QueueArticle } from "@/lib/dashboard/reviewer-queue";
import { AnnotationBars } from "./annotation-bars";
import { WorkflowBadge } from "./workflow-badge";

export async function QueueArticleList({ articles, now }: { articles: QueueArticle[]; now: Date }) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  if (articles.length === 0) return <p className="mt-2 text-sm text-stone-600">{t("queue.noArticles")}</p>;
  return (
    <ul className="mt-3 grid gap-3 md:grid-cols-2" data-testid="queue-articles">
      {articles.map((a) => (
        <li key={a.id} className="rounded-lg border border-stone-200 bg-white p-3">
          <div className="flex items-start justify-between gap-2">
            <Link href={`/articles/${a.id}`} className="font-medium text-stone-900 underline-offset-2 hover:underline">
              {a.title}
            </Link>
            <WorkflowBadge status={a.status} />
          </div>
          <p className="mt-0.5 text-xs text-stone-600">
            {[a.outlet, a.language.toUpperCase(), t("queue.assignedAt", { when: format.relativeTime(new Date(a.assignedAt), now) })].filter(Boolean).join(" · ")}
          </p>
          <p className="mt-2 text-sm text-stone-800">
            {a.left.toSignOff + a.left.unverified + a.left.orphaned === 0
              ? t("queue.nothingLeft")
              : t("queue.left", { toSignOff: a.left.toSignOff, unverified: a.left.unverified, inReview: a.left.inReview, orphaned: a.left.orphaned })}
          </p>
          <div className="mt-2">
            <AnnotationBars counts={a.counts} compact />
          </div>
        </li>
      ))}
    </ul>
  );
}
