import { AppError, notFound, validationFailed } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { assignmentSelect, toAssignmentDto, type AssignmentDto } from "./list-assignments";

export interface AssignResult {
  assignment: AssignmentDto;
  /** False when the person was already assigned (the call changes nothing). */
  created: boolean;
  /** The article's workflow status afterwards. */
  articleStatus: "draft" | "in_review" | "approved";
}

/**
 * Puts an article in someone's queue. Assigning someone to a draft starts its review: the
 * article moves to in_review (recorded as its own event). An approved article is locked:
 * reopen it first. Assigning again is a no-op, so retries are safe.
 */
export async function assignReviewer(actor: CurrentUser, articleId: string, userId: string): Promise<AssignResult> {
  authorize(actor, "article.assign");
  return db.$transaction(async (tx) => {
    // Locks the article row first, like every writer of an article (see the dashboard_live migration).
    const locked = await tx.$queryRaw<{ status: "DRAFT" | "IN_REVIEW" | "APPROVED" }[]>`
      SELECT status::text AS status FROM "Article" WHERE id = ${articleId}::uuid FOR NO KEY UPDATE`;
    const article = locked[0];
    if (!article) throw notFound("Article");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, active: true } });
    if (!user?.active) throw validationFailed({ userId: "no active user has this id" });

    const existing = await tx.articleAssignment.findUnique({ where: { articleId_userId: { articleId, userId } }, select: assignmentSelect });
    if (existing) return { assignment: toAssignmentDto(existing), created: false, articleStatus: lower(article.status) };
    if (article.status === "APPROVED") throw new AppError("article_locked", "This article is approved: reopen it before assigning someone");

    const row = await tx.articleAssignment.create({ data: { articleId, userId, assignedById: actor.id }, select: assignmentSelect });
    await tx.articleEvent.create({ data: { articleId, actorId: actor.id, action: "assigned", data: { user: { id: user.id, name: user.name } } } });
    let status = article.status;
    if (status === "DRAFT") {
      status = "IN_REVIEW";
      await tx.articleEvent.create({ data: { articleId, actorId: actor.id, action: "status_changed", data: { from: "draft", to: "in_review", because: "assigned" } } });
    }
    await tx.article.update({ where: { id: articleId }, data: { status, lastActivityAt: new Date() } });
    return { assignment: toAssignmentDto(row), created: true, articleStatus: lower(status) };
  });
}

const lower = (s: "DRAFT" | "IN_REVIEW" | "APPROVED") => s.toLowerCase() as AssignResult["articleStatus"];
