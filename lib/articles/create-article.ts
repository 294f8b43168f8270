import { AppError } from "@/lib/api/errors";
import type { ArticleDto } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { detectLanguage } from "./import/detect-language";
import { assertImportable } from "./import/limits";
import { normalizeUrl, textFingerprint } from "./import/text-hash";
import type { CreateArticleInput } from "./schemas";
import { articleSelect, toArticleDto } from "./serialize";

/** An existing article with the same URL or the same text, if any. */
export async function findDuplicate(tx: Tx, url: string | null | undefined, textHash: string) {
  const urls = url ? [...new Set([url, normalizeUrl(url)])] : [];
  return tx.article.findFirst({
    where: { OR: [{ textHash }, ...(urls.length ? [{ url: { in: urls } }] : [])] },
    select: { id: true, title: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function createArticle(actor: CurrentUser, input: CreateArticleInput): Promise<ArticleDto> {
  authorize(actor, "article.create");
  const { content, text } = assertImportable({ format: input.format, body: input.body });
  const textHash = textFingerprint(text);
  const title = input.title.normalize("NFC");

  return db.$transaction(async (tx) => {
    if (!input.allowDuplicate) {
      const duplicate = await findDuplicate(tx, input.url, textHash);
      if (duplicate) {
        throw new AppError("duplicate", `This article was already imported as “${duplicate.title}”`, {
          details: { existingId: duplicate.id },
        });
      }
    }
    const article = await tx.article.create({
      data: {
        title,
        // Stored without tracking parameters, so any variant of the link finds the duplicate.
        url: input.url ? normalizeUrl(input.url) : null,
        outlet: input.outlet ?? null,
        author: input.author ?? null,
        language: input.language ?? detectLanguage(`${title}\n${text}`),
        publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
        text,
        textHash,
        createdById: actor.id,
        revision: 1,
        revisions: { create: { number: 1, content: content as Prisma.InputJsonValue, text, authorId: actor.id } },
      },
      select: articleSelect,
    });
    await tx.articleEvent.create({ data: { articleId: article.id, actorId: actor.id, action: "imported", data: { format: input.format } } });
    return toArticleDto(article, content);
  });
}
