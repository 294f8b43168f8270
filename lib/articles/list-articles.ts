import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { listArticlesQuery } from "./schemas";

export interface AnnotationCounts {
  total: number;
  byKind: { claim: number; figure: number; source: number };
  byStatus: { unverified: number; in_progress: number; in_review: number; verified: number };
  byVerdict: { accurate: number; mostly_accurate: number; misleading: number; false: number; unverifiable: number; none: number };
  orphaned: number;
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
  counts: AnnotationCounts;
}

interface CountRow {
  articleId: string;
  total: number;
  claim: number;
  figure: number;
  source: number;
  unverified: number;
  in_progress: number;
  in_review: number;
  verified: number;
  accurate: number;
  mostly_accurate: number;
  misleading: number;
  false: number;
  unverifiable: number;
  none: number;
  orphaned: number;
}

export function emptyCounts(): AnnotationCounts {
  return {
    total: 0,
    byKind: { claim: 0, figure: 0, source: 0 },
    byStatus: { unverified: 0, in_progress: 0, in_review: 0, verified: 0 },
    byVerdict: { accurate: 0, mostly_accurate: 0, misleading: 0, false: 0, unverifiable: 0, none: 0 },
    orphaned: 0,
  };
}

/** Counts of live annotations per article, in one pass over the (articleId, status) index. */
export async function annotationCounts(articleIds: string[]): Promise<Map<string, AnnotationCounts>> {
  const result = new Map<string, AnnotationCounts>();
  if (articleIds.length === 0) return result;
  const rows = await db.$queryRaw<CountRow[]>`
    SELECT "articleId",
      count(*)::int AS total,
      count(*) FILTER (WHERE kind = 'CLAIM')::int AS claim,
      count(*) FILTER (WHERE kind = 'FIGURE')::int AS figure,
      count(*) FILTER (WHERE kind = 'SOURCE')::int AS source,
      count(*) FILTER (WHERE status = 'UNVERIFIED')::int AS unverified,
      count(*) FILTER (WHERE status = 'IN_PROGRESS')::int AS in_progress,
      count(*) FILTER (WHERE status = 'IN_REVIEW')::int AS in_review,
      count(*) FILTER (WHERE status = 'VERIFIED')::int AS verified,
      count(*) FILTER (WHERE verdict = 'ACCURATE')::int AS accurate,
      count(*) FILTER (WHERE verdict = 'MOSTLY_ACCURATE')::int AS mostly_accurate,
      count(*) FILTER (WHERE verdict = 'MISLEADING')::int AS misleading,
      count(*) FILTER (WHERE verdict = 'FALSE')::int AS "false",
      count(*) FILTER (WHERE verdict = 'UNVERIFIABLE')::int AS unverifiable,
      count(*) FILTER (WHERE verdict IS NULL)::int AS none,
      count(*) FILTER (WHERE anchor = 'ORPHANED')::int AS orphaned
    FROM "Annotation"
    WHERE "articleId" IN (${Prisma.join(articleIds.map((id) => Prisma.sql`${id}::uuid`))}) AND "deletedAt" IS NULL
    GROUP BY "articleId"`;
  for (const r of rows) {
    result.set(r.articleId, {
      total: r.total,
      byKind: { claim: r.claim, figure: r.figure, source: r.source },
      byStatus: { unverified: r.unverified, in_progress: r.in_progress, in_review: r.in_review, verified: r.verified },
      byVerdict: {
        accurate: r.accurate,
        mostly_accurate: r.mostly_accurate,
        misleading: r.misleading,
        false: r.false,
        unverifiable: r.unverifiable,
        none: r.none,
      },
      orphaned: r.orphaned,
    });
  }
  return result;
}

export async function listArticles(
  actor: CurrentUser,
  query: z.infer<typeof listArticlesQuery>,
): Promise<{ items: ArticleSummary[]; total: number; page: number; pageSize: number }> {
  authorize(actor, "article.read");
  const conditions: Prisma.Sql[] = [];
  if (query.status) conditions.push(Prisma.sql`status = ${query.status.toUpperCase()}::"ArticleStatus"`);
  if (query.q) {
    // The search column is indexed per the article's language; the query is read both ways.
    conditions.push(
      Prisma.sql`search @@ (websearch_to_tsquery('french', ${query.q}) || websearch_to_tsquery('english', ${query.q}))`,
    );
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const offset = (query.page - 1) * query.pageSize;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Article" ${where}
      ORDER BY "updatedAt" DESC, id DESC LIMIT ${query.pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Article" ${where}`,
  ]);
  const ids = rows.map((r) => r.id);
  const [articles, counts] = await Promise.all([
    db.article.findMany({
      where: { id: { in: ids } },
      select: { id: true, title: true, url: true, outlet: true, language: true, status: true, revision: true, createdAt: true, updatedAt: true, lastActivityAt: true },
    }),
    annotationCounts(ids),
  ]);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const items = ids.flatMap((id) => {
    const a = byId.get(id);
    if (!a) return [];
    return [
      {
        ...a,
        status: a.status.toLowerCase() as ArticleSummary["status"],
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        lastActivityAt: a.lastActivityAt.toISOString(),
        counts: counts.get(id) ?? emptyCounts(),
      },
    ];
  });
  return { items, total: totals[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
}
