import { notFound } from "@/lib/api/errors";
import type { ArticleDto } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { articleSelect, toArticleDto } from "./serialize";

export async function getArticle(actor: CurrentUser, id: string): Promise<ArticleDto> {
  authorize(actor, "article.read");
  const article = await db.article.findUnique({ where: { id }, select: articleSelect });
  if (!article) throw notFound("Article");
  const revision = await db.articleRevision.findUniqueOrThrow({
    where: { articleId_number: { articleId: id, number: article.revision } },
    select: { content: true },
  });
  return toArticleDto(article, revision.content);
}
