import { AppError, notFound, validationFailed } from "@/lib/api/errors";
import type { ArticleDto } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { ArticleStatus, Prisma } from "@/lib/generated/prisma/client";
import type { UpdateArticleInput } from "./schemas";
import { articleSelect, toArticleDto } from "./serialize";

/**
 * Metadata and workflow status. Approving needs every claim and figure verified, or a
 * reason for the override (recorded); reopening an approved article needs a reason.
 */
export async function updateArticle(actor: CurrentUser, id: string, input: UpdateArticleInput): Promise<ArticleDto> {
  authorize(actor, "article.updateMetadata");
  return db.$transaction(async (tx) => {
    const current = await tx.article.findUnique({ where: { id }, select: { ...articleSelect } });
    if (!current) throw notFound("Article");
    const data: Prisma.ArticleUncheckedUpdateInput = {};
    const events: { action: string; data: Prisma.InputJsonValue }[] = [];

    if (input.title !== undefined && input.title !== current.title) data.title = input.title;
    if (input.language !== undefined && input.language !== current.language) data.language = input.language;
    for (const field of ["url", "outlet", "author"] as const) {
      if (input[field] !== undefined && input[field] !== current[field]) data[field] = input[field];
    }
    if (input.publishedAt !== undefined) data.publishedAt = input.publishedAt ? new Date(input.publishedAt) : null;

    const nextStatus = input.status ? (input.status.toUpperCase() as ArticleStatus) : current.status;
    if (nextStatus !== current.status) {
      if (nextStatus === "APPROVED") {
        authorize(actor, "article.approve");
        const pending = await tx.annotation.count({
          where: { articleId: id, deletedAt: null, kind: { in: ["CLAIM", "FIGURE"] }, status: { not: "VERIFIED" } },
        });
        if (pending > 0 && !input.reason) {
          throw validationFailed(
            { reason: `${pending} claim(s) or figure(s) are not verified yet: give a reason to approve anyway` },
            `${pending} claim(s) or figure(s) are not verified yet`,
          );
        }
        Object.assign(data, { approvedById: actor.id, approvedAt: new Date(), approvalOverride: pending > 0 ? input.reason : null });
        events.push({ action: "approved", data: { pending, override: pending > 0 ? input.reason ?? null : null } });
      } else if (current.status === "APPROVED") {
        authorize(actor, "article.reopen");
        if (!input.reason) throw validationFailed({ reason: "say why the approved article is reopened" });
        Object.assign(data, { approvedById: null, approvedAt: null, approvalOverride: null });
        events.push({ action: "reopened", data: { reason: input.reason, to: input.status ?? null } });
      } else {
        events.push({ action: "status_changed", data: { from: current.status.toLowerCase(), to: input.status ?? null } });
      }
      data.status = nextStatus;
    } else if (current.status === "APPROVED" && Object.keys(data).length > 0) {
      throw new AppError("article_locked", "This article is approved: reopen it before changing it");
    }

    if (Object.keys(data).length === 0) {
      const revision = await tx.articleRevision.findUniqueOrThrow({ where: { articleId_number: { articleId: id, number: current.revision } } });
      return toArticleDto(current, revision.content);
    }
    const updated = await tx.article.update({ where: { id }, data: { ...data, lastActivityAt: new Date() }, select: articleSelect });
    for (const event of events) await tx.articleEvent.create({ data: { articleId: id, actorId: actor.id, ...event } });
    const revision = await tx.articleRevision.findUniqueOrThrow({ where: { articleId_number: { articleId: id, number: updated.revision } } });
    return toArticleDto(updated, revision.content);
  });
}
