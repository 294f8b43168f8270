import { AppError, notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAnnotationEvent } from "./events";
import type { CommentDto } from "./types";

const withAuthor = { author: { select: { id: true, name: true } } } as const;

const toCommentDto = (c: { id: string; annotationId: string; body: string; createdAt: Date; author: { id: string; name: string } }): CommentDto => ({
  id: c.id,
  annotationId: c.annotationId,
  author: c.author,
  body: c.body,
  createdAt: c.createdAt.toISOString(),
});

export async function listComments(actor: CurrentUser, annotationId: string): Promise<CommentDto[]> {
  authorize(actor, "article.read");
  const annotation = await db.annotation.findUnique({ where: { id: annotationId }, select: { id: true } });
  if (!annotation) throw notFound("Annotation");
  const rows = await db.comment.findMany({
    where: { annotationId },
    orderBy: { createdAt: "asc" },
    include: withAuthor,
  });
  return rows.map(toCommentDto);
}

/**
 * The comment a retry is about: the same client id, annotation, author and body is the same
 * comment (its first answer was lost); the same id with anything else is refused.
 */
async function replayed(actor: CurrentUser, annotationId: string, id: string, body: string): Promise<CommentDto | null> {
  const existing = await db.comment.findUnique({ where: { id }, include: withAuthor });
  if (!existing) return null;
  if (existing.annotationId !== annotationId || existing.authorId !== actor.id || existing.body !== body) {
    throw new AppError("id_conflict", "This id is already used by another comment", { details: { existingId: id } });
  }
  return toCommentDto(existing);
}

/**
 * Adds a comment. A client-chosen `id` makes retries idempotent: the answer says whether the
 * comment was created now or already there (`created: false`). Comments stay open on
 * approved articles: discussion is not a change to the finding.
 */
export async function addComment(actor: CurrentUser, annotationId: string, body: string, id?: string): Promise<{ comment: CommentDto; created: boolean }> {
  authorize(actor, "annotation.comment");
  if (id) {
    const again = await replayed(actor, annotationId, id, body);
    if (again) return { comment: again, created: false };
  }
  try {
    return { comment: await insertComment(actor, annotationId, body, id), created: true };
  } catch (error) {
    // Two tries of the same comment at once: the one that lost the race answers like a retry.
    if (id && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await replayed(actor, annotationId, id, body);
      if (again) return { comment: again, created: false };
    }
    throw error;
  }
}

async function insertComment(actor: CurrentUser, annotationId: string, body: string, id: string | undefined): Promise<CommentDto> {
  return db.$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({ where: { id: annotationId, deletedAt: null }, select: { articleId: true } });
    if (!annotation) throw notFound("Annotation");
    const comment = await tx.comment.create({ data: { id, annotationId, authorId: actor.id, body }, include: withAuthor });
    await recordAnnotationEvent(tx, {
      annotationId,
      articleId: annotation.articleId,
      actorId: actor.id,
      action: "commented",
      changes: { commentId: comment.id, body },
    });
    return toCommentDto(comment);
  });
}
