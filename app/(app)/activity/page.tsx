import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityList } from "@/components/dashboard/activity-list";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { AppError } from "@/lib/api/errors";
import { requireUser } from "@/lib/auth/page-guards";
import { activityFeed } from "@/lib/dashboard/activity-feed";
import { isUuid } from "@/lib/ids";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("activity.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Who did what, newest first: every article, or one (`?article=<id>`). */
export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const t = await getTranslations("dashboard");
  const params = await searchParams;
  const articleId = first(params.article);
  const before = first(params.before);
  if (articleId !== undefined && !isUuid(articleId)) notFound();
  const feed = await activityFeed(user, { articleId, before: before && /^\d+\.[ar]\.\d+$/.test(before) ? before : undefined, limit: 50 }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const article = feed.article;
  const here = (extra: Record<string, string>) => `/activity?${new URLSearchParams({ ...(article ? { article: article.id } : {}), ...extra })}`;
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{article ? t("activity.titleFor", { title: article.title }) : t("activity.title")}</h1>
        <LiveRefresh enabled={!before} />
        <div className="ml-auto flex gap-4 text-sm">
          {article && (
            <Link href="/activity" className="text-stone-700 underline-offset-2 hover:underline">
              {t("activity.allArticles")}
            </Link>
          )}
          <Link href="/" className="text-stone-700 underline-offset-2 hover:underline">
            {t("backHome")}
          </Link>
        </div>
      </div>
      <ActivityList items={feed.items} now={new Date()} showArticle={!article} />
      <nav aria-label={t("pagination.label")} className="mt-3 flex justify-end gap-3 text-sm">
        {before && (
          <Link href={here({})} className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100">
            {t("activity.newest")}
          </Link>
        )}
        {feed.nextCursor && (
          <Link href={here({ before: feed.nextCursor })} className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100">
            {t("activity.older")}
          </Link>
        )}
      </nav>
    </main>
  );
}
