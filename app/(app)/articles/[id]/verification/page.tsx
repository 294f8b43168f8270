import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityList } from "@/components/dashboard/activity-list";
import { ApprovalPanel } from "@/components/dashboard/approval-panel";
import { ArticleLive } from "@/components/dashboard/article-live";
import { AssignmentPanel } from "@/components/dashboard/assignment-panel";
import { FindingsTable } from "@/components/dashboard/findings-table";
import { VerdictLegend } from "@/components/dashboard/verdict-legend";
import { VerificationText } from "@/components/dashboard/verification-text";
import { WorkflowBadge } from "@/components/dashboard/workflow-badge";
import { AppError } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/policy";
import { activityFeed } from "@/lib/dashboard/activity-feed";
import { verificationView } from "@/lib/dashboard/verification-view";
import { currentArticleCursor } from "@/lib/live/article-cursor";
import { listTeam } from "@/lib/users/users";
import { formatEventCursor } from "@/lib/live/event-cursor";
import { isUuid } from "@/lib/ids";

/** Read-only overview of one article's verification, with approval and assignment for editors. */
export default async function VerificationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const t = await getTranslations("dashboard");
  // The cursor first, so every change after it reaches the page through the stream.
  const cursor = await currentArticleCursor(id);
  const [view, activity, team] = await Promise.all([
    verificationView(user, id),
    activityFeed(user, { articleId: id, limit: 15 }),
    listTeam(),
  ]).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { article, annotations } = view;
  const numbers = new Map(annotations.map((a, i) => [a.id, i + 1]));
  const findings = annotations.filter((a) => a.kind !== "source");
  const sources = annotations.filter((a) => a.kind === "source");
  const now = new Date();

  return (
    <main className="mx-auto max-w-[96rem] px-4 py-6">
      <nav aria-label={t("verification.breadcrumb")} className="text-sm text-stone-600">
        <Link href="/" className="underline-offset-2 hover:underline">
          {t("title")}
        </Link>{" "}
        / {t("verification.title")}
      </nav>
      <div className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-semibold tracking-tight">{article.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <WorkflowBadge status={article.status} />
            {[article.outlet, article.language.toUpperCase(), t("verification.revision", { revision: article.revision })].filter(Boolean).join(" · ")}
            <Link href={`/articles/${article.id}`} className="text-stone-800 underline underline-offset-2">
              {t("verification.openEditor")}
            </Link>
          </p>
        </div>
        <ArticleLive articleId={article.id} since={formatEventCursor(cursor)} currentUserId={user.id} />
      </div>

      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <article lang={article.language} className="rounded-lg border border-stone-200 bg-white px-6 py-5">
            <VerificationText text={article.text} annotations={annotations} numbers={numbers} />
          </article>
          <section aria-labelledby="findings-title">
            <h2 id="findings-title" className="text-lg font-semibold">
              {t("verification.findings", { count: findings.length })}
            </h2>
            <FindingsTable articleId={article.id} annotations={findings} numbers={numbers} />
          </section>
          {sources.length > 0 && (
            <section aria-labelledby="sources-title">
              <h2 id="sources-title" className="text-lg font-semibold">
                {t("verification.sources", { count: sources.length })}
              </h2>
              <FindingsTable articleId={article.id} annotations={sources} numbers={numbers} />
            </section>
          )}
        </div>
        <aside className="space-y-4">
          <ApprovalPanel
            articleId={article.id}
            status={article.status}
            pending={view.pending}
            approval={view.approval}
            canApprove={can(user, "article.approve")}
            canReopen={can(user, "article.reopen")}
          />
          <AssignmentPanel
            articleId={article.id}
            assignments={view.assignments}
            people={team}
            canAssign={can(user, "article.assign")}
            locked={article.status === "approved"}
          />
          <VerdictLegend />
          <section aria-labelledby="recent-title">
            <div className="flex items-baseline justify-between">
              <h2 id="recent-title" className="text-xs font-semibold uppercase tracking-wide text-stone-600">
                {t("verification.recent")}
              </h2>
              <Link href={`/activity?article=${article.id}`} className="text-xs text-stone-700 underline underline-offset-2">
                {t("verification.allActivity")}
              </Link>
            </div>
            <ActivityList items={activity.items} now={now} showArticle={false} />
          </section>
        </aside>
      </div>
    </main>
  );
}
