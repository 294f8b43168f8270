import { AppError, notFound } from "@/lib/api/errors";
import type { Tx } from "@/lib/db";

/** The article an annotation change applies to, refusing changes while it is approved. */
export async function loadUnlockedArticle(tx: Tx, articleId: string) {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { id: true, text: true, revision: true, status: true },
  });
  if (!article) throw notFound("Article");
  if (article.status === "APPROVED") {
    throw new AppError("article_locked", "This article is approved: its annotations are locked until an editor reopens it");
  }
  return article;
}
