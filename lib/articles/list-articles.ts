import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { articleFilterSql, filtersNeedStats } from "@/lib/dashboard/article-filter-sql";
import { articleOrderSql } from "@/lib/dashboard/article-order-sql";
import { STATS_COLUMNS, statsToCounts, type StatsRow } from "@/lib/dashboard/stats-to-counts";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UserRef } from "@/lib/annotations/types";
import type { ListArticlesQuery } from "./schemas";

export interface AnnotationCounts {
  total: number;
  byKind: { claim: number; figure: number; source: number };
  byStatus: { unverified: number; in_progress: number; in_review: number; verified: number };
  byVerdict: { accurate: number; mostly_accurate: number; misleading: number; false: number; unverifiable: number; none: number };
  orphaned: number;
  drifted: number;
  falseOrMisleading: number;
  /** Claims and figures (what approval waits for) and how many of them are signed off. */
  checkable: { total: number; verified: number };
}

export interface ArticleSummary {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  language: string;
  status: "draft" | "in_review" | "approved";
  revision: number;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  reviewers: UserRef[];
  counts: AnnotationCounts;
}

export function emptyCounts(): AnnotationCounts {
  return {
    total: 0,
    byKind: { claim: 0, figure: 0, source: 0 },
    byStatus: { unverified: 0, in_progress: 0, in_review: 0, verified: 0 },
    byVerdict: { accurate: 0, mostly_accurate: 0, misleading: 0, false: 0, unverifiable: 0, none: 0 },
    orphaned: 0,
    drifted: 0,
    falseOrMisleading: 0,
    checkable: { total: 0, verified: 0 },
  };
}

const statsColumns = Prisma.join(STATS_COLUMNS.map((c) => Prisma.raw(`s."${c}"`)));

/**
 * Counts of live annotations per article, read from the counters the database keeps
 * ("ArticleStats", maintained by triggers in the writing transaction): no annotation is
 * counted at read time.
 */
export async function annotationCounts(articleIds: string[]): Promise<Map<string, AnnotationCounts>> {
  const result = new Map<string, AnnotationCounts>();
  if (articleIds.length === 0) return result;
  const rows = await db.$queryRaw<(StatsRow & { articleId: string })[]>`
    SELECT s."articleId", ${statsColumns} FROM "ArticleStats" s
    WHERE s."articleId" IN (${Prisma.join(articleIds.map((id) => Prisma.sql`${id}::uuid`))})`;
  for (const r of rows) result.set(r.articleId, statsToCounts(r));
  return result;
}

/** Assigned people of each article, in the order they were assigned. */
export async function articleReviewers(articleIds: string[]): Promise<Map<string, UserRef[]>> {
  const result = new Map<string, UserRef[]>(articleIds.map((id) => [id, []]));
  if (articleIds.length === 0) return result;
  const rows = await db.articleAssignment.findMany({
    where: { articleId: { in: articleIds } },
    select: { articleId: true, user: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
  });
  for (const r of rows) result.get(r.articleId)?.push(r.user);
  return result;
}

interface ArticleRow extends StatsRow {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  language: string;
  status: "DRAFT" | "IN_REVIEW" | "APPROVED";
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
}

export async function listArticles(
  actor: CurrentUser,
  query: ListArticlesQuery,
): Promise<{ items: ArticleSummary[]; total: number; page: number; pageSize: number }> {
  authorize(actor, "article.read");
  const where = articleFilterSql(query);
  const offset = (query.page - 1) * query.pageSize;
  // The counters are one row per article: joining them costs little, but the count of a
  // plain filter does without.
  const countJoin = filtersNeedStats(query) ? Prisma.sql`JOIN "ArticleStats" s ON s."articleId" = a.id` : Prisma.empty;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<ArticleRow[]>`
      SELECT a.id, a.title, a.url, a.outlet, a.language, a.status::text AS status, a.revision,
        a."createdAt", a."updatedAt", a."lastActivityAt", ${statsColumns}
      FROM "Article" a JOIN "ArticleStats" s ON s."articleId" = a.id
      ${where}
      ${articleOrderSql(query.sort, query.dir)}
      LIMIT ${query.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Article" a ${countJoin} ${where}`,
  ]);
  const reviewers = await articleReviewers(rows.map((r) => r.id));
  const items = rows.map((a): ArticleSummary => ({
    id: a.id,
    title: a.title,
    url: a.url,
    outlet: a.outlet,
    language: a.language,
    status: a.status.toLowerCase() as ArticleSummary["status"],
    revision: a.revision,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    lastActivityAt: a.lastActivityAt.toISOString(),
    reviewers: reviewers.get(a.id) ?? [],
    counts: statsToCounts(a),
  }));
  return { items, total: totals[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
}
