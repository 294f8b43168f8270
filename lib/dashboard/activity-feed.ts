import { notFound } from "@/lib/api/errors";
import type { AnnotationKind } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatActivityCursor, parseActivityCursor, type ActivityCursor } from "./activity-cursor";
import { activityHref, type ActivityItem } from "./activity-item";
import { utcTimestamp } from "./utc-timestamp";

interface EventRow {
  source: "a" | "r";
  id: bigint;
  createdAt: Date;
  actorId: string;
  action: string;
  data: unknown;
  articleId: string;
  annotationId: string | null;
}

/**
 * Items of one source strictly after the cursor in feed order (createdAt desc, then article
 * events before annotation events, then id desc). The plain `createdAt <=` bound lets the
 * createdAt index do the work; the rest breaks ties.
 */
function afterCursor(source: "a" | "r", c: ActivityCursor | null): Prisma.Sql {
  if (!c) return Prisma.empty;
  const at = utcTimestamp(c.at);
  if (c.source === source) return Prisma.sql`AND e."createdAt" <= ${at} AND (e."createdAt", e.id) < (${at}, ${c.id})`;
  // Same timestamp: "r" items come first, so after an "r" cursor every "a" item of that instant is still to come.
  return source === "a" ? Prisma.sql`AND e."createdAt" <= ${at}` : Prisma.sql`AND e."createdAt" < ${at}`;
}

/**
 * The activity feed, newest first: every annotation event and article event, or those of
 * one article, with who did it and a link to what it was done to. Keyset pagination:
 * pass `nextCursor` as `before` for the next page.
 */
export async function activityFeed(
  actor: CurrentUser,
  options: { articleId?: string; before?: string; limit: number },
): Promise<{ items: ActivityItem[]; nextCursor: string | null; article: { id: string; title: string } | null }> {
  authorize(actor, "article.read");
  const cursor = options.before ? parseActivityCursor(options.before) : null;
  const article = options.articleId ? await db.article.findUnique({ where: { id: options.articleId }, select: { id: true, title: true } }) : null;
  if (options.articleId && !article) throw notFound("Article");
  const byArticle = options.articleId ? Prisma.sql`AND e."articleId" = ${options.articleId}::uuid` : Prisma.empty;
  const limit = options.limit;
  const rows = await db.$queryRaw<EventRow[]>`
    SELECT * FROM (
      (SELECT 'a' AS source, e.id, e."createdAt", e."actorId", e.action, e.changes AS data, e."articleId", e."annotationId"
        FROM "AnnotationEvent" e WHERE true ${byArticle} ${afterCursor("a", cursor)}
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT ${limit + 1})
      UNION ALL
      (SELECT 'r' AS source, e.id, e."createdAt", e."actorId", e.action, e.data, e."articleId", NULL::uuid AS "annotationId"
        FROM "ArticleEvent" e WHERE true ${byArticle} ${afterCursor("r", cursor)}
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT ${limit + 1})
    ) AS feed
    ORDER BY "createdAt" DESC, source DESC, id DESC
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const items = await describe(page);
  const last = page.at(-1);
  return {
    article,
    items,
    nextCursor: rows.length > limit && last ? formatActivityCursor({ at: last.createdAt, source: last.source, id: last.id }) : null,
  };
}

async function describe(rows: EventRow[]): Promise<ActivityItem[]> {
  const unique = <T>(values: T[]) => [...new Set(values)];
  const annotationIds = unique(rows.flatMap((r) => (r.annotationId ? [r.annotationId] : [])));
  const [users, articles, annotations] = await Promise.all([
    db.user.findMany({ where: { id: { in: unique(rows.map((r) => r.actorId)) } }, select: { id: true, name: true } }),
    db.article.findMany({ where: { id: { in: unique(rows.map((r) => r.articleId)) } }, select: { id: true, title: true } }),
    annotationIds.length ? db.annotation.findMany({ where: { id: { in: annotationIds } }, select: { id: true, kind: true, exact: true } }) : [],
  ]);
  const user = new Map(users.map((u) => [u.id, u]));
  const article = new Map(articles.map((a) => [a.id, a]));
  const annotation = new Map(annotations.map((a) => [a.id, a]));
  return rows.map((r) => {
    const a = r.annotationId ? annotation.get(r.annotationId) : undefined;
    return {
      id: `${r.source}${r.id}`,
      at: r.createdAt.toISOString(),
      actor: user.get(r.actorId) ?? { id: r.actorId, name: "" },
      source: r.source === "a" ? "annotation" : "article",
      action: r.action,
      article: article.get(r.articleId) ?? { id: r.articleId, title: "" },
      annotation: a ? { id: a.id, kind: a.kind.toLowerCase() as AnnotationKind, exact: a.exact } : null,
      changes: r.data && typeof r.data === "object" && !Array.isArray(r.data) ? (r.data as Record<string, unknown>) : {},
      href: activityHref(r.articleId, r.annotationId),
    };
  });
}
