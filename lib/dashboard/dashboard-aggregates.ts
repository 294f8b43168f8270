import type { AnnotationCounts } from "@/lib/articles/list-articles";
import type { ArticleFilters } from "@/lib/articles/schemas";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { articleFilterSql } from "./article-filter-sql";
import { signOffsPerDay, type DayCount } from "./sign-offs-per-day";
import { STATS_COLUMNS, statsToCounts, type StatsRow } from "./stats-to-counts";

export interface DashboardAggregates {
  articles: { total: number; draft: number; in_review: number; approved: number };
  annotations: AnnotationCounts;
  signOffsPerDay: DayCount[];
}

const sums = Prisma.join(STATS_COLUMNS.map((c) => Prisma.raw(`coalesce(sum(s."${c}"), 0)::int AS "${c}"`)));

/**
 * Totals over the articles the filters select: a sum over one counter row per article, so
 * its cost follows the number of articles, not of annotations.
 */
export async function dashboardAggregates(actor: CurrentUser, filters: ArticleFilters & { days: number }): Promise<DashboardAggregates> {
  authorize(actor, "article.read");
  const [rows, days] = await Promise.all([
    db.$queryRaw<(StatsRow & { articles: number; draft: number; in_review: number; approved: number })[]>`
      SELECT count(*)::int AS articles,
        count(*) FILTER (WHERE a.status = 'DRAFT')::int AS draft,
        count(*) FILTER (WHERE a.status = 'IN_REVIEW')::int AS in_review,
        count(*) FILTER (WHERE a.status = 'APPROVED')::int AS approved,
        ${sums}
      FROM "Article" a JOIN "ArticleStats" s ON s."articleId" = a.id
      ${articleFilterSql(filters)}`,
    signOffsPerDay(filters, filters.days),
  ]);
  const r = rows[0];
  return {
    articles: { total: r.articles, draft: r.draft, in_review: r.in_review, approved: r.approved },
    annotations: statsToCounts(r),
    signOffsPerDay: days,
  };
}
