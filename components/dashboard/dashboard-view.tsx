import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArticleTable } from "@/components/articles/article-table";
import { listArticles } from "@/lib/articles/list-articles";
import type { ListArticlesQuery } from "@/lib/articles/schemas";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { dashboardAggregates } from "@/lib/dashboard/dashboard-aggregates";
import type { DashboardState } from "@/lib/dashboard/dashboard-params";
import { filterOptions } from "@/lib/dashboard/filter-options";
import { DashboardCharts } from "./dashboard-charts";
import { DashboardFilters } from "./dashboard-filters";
import { DashboardSummary } from "./dashboard-summary";
import { LiveRefresh } from "./live-refresh";
import { Pagination } from "./pagination";

const CHART_DAYS = 30;

/** The editors' home: filters, headline numbers, charts and the article list, live. */
export async function DashboardView({ user, query, now, reviewerView }: { user: CurrentUser; query: ListArticlesQuery; now: Date; reviewerView: boolean }) {
  const t = await getTranslations("dashboard");
  const state: DashboardState = reviewerView ? { ...query, view: "all" } : query;
  const [list, aggregates, options] = await Promise.all([
    listArticles(user, query),
    dashboardAggregates(user, { ...query, days: CHART_DAYS }),
    filterOptions(user),
  ]);
  return (
    <main className="mx-auto max-w-[96rem] px-4 py-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-stone-600" data-testid="article-total">
          {t("articleCount", { count: list.total })}
        </p>
        <LiveRefresh />
        <div className="ml-auto flex gap-4 text-sm">
          {reviewerView && (
            <Link href="/" className="text-stone-700 underline-offset-2 hover:underline">
              {t("backToQueue")}
            </Link>
          )}
          <Link href="/activity" className="text-stone-700 underline-offset-2 hover:underline">
            {t("activityLink")}
          </Link>
        </div>
      </div>
      <DashboardFilters outlets={options.outlets} people={options.people} />
      <DashboardSummary aggregates={aggregates} />
      <DashboardCharts aggregates={aggregates} days={CHART_DAYS} />
      <ArticleTable items={list.items} query={state} showVerification={can(user, "article.approve")} now={now} />
      <Pagination query={state} total={list.total} />
    </main>
  );
}
