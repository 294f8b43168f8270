import { db } from "@/lib/db";
import type { EventCursor } from "./event-cursor";

/**
 * The article's latest event ids. A page rendered on the server can pass it to
 * `useArticleStream` (`since`) so that nothing written between the render and the stream's
 * start is missed.
 */
export async function currentArticleCursor(articleId: string): Promise<EventCursor> {
  const rows = await db.$queryRaw<{ annotation: bigint; article: bigint }[]>`
    SELECT
      (SELECT coalesce(max(id), 0) FROM "AnnotationEvent" WHERE "articleId" = ${articleId}::uuid) AS annotation,
      (SELECT coalesce(max(id), 0) FROM "ArticleEvent" WHERE "articleId" = ${articleId}::uuid) AS article`;
  return { annotation: BigInt(rows[0].annotation), article: BigInt(rows[0].article) };
}
