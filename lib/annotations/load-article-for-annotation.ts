import { AppError, notFound } from "@/lib/api/errors";
import type { Tx } from "@/lib/db";

/** The article an annotation change applies to, refusing changes while it is approved. */
export async function loadUnlockedArticle(tx: Tx, articleId: string) {
  // Lock the article row first, as text edits do, so every writer takes locks in the same
  // order (article, then annotations) and concurrent saves cannot deadlock.
  const rows = await tx.$queryRaw<{ id: string; text: string; revision: number; status: string }[]>`
    SELECT id::text AS id, text, revision, status::text AS status FROM "Article" WHERE id = ${articleId}::uuid FOR NO KEY UPDATE`;
  const article = rows[0];
  if (!article) throw notFound("Article");
  if (article.status === "APPROVED") {
    throw new AppError("article_locked", "This article is approved: its annotations are locked until an editor reopens it");
  }
  return article;
}
