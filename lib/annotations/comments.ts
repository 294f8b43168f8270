import { notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { recordAnnotationEvent } from "./events";
import type { CommentDto } from "./types";

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
    include: { author: { select: { id: true, name: true } } },
  });
  return rows.map(toCommentDto);
}

/** Comments stay open on approved articles: discussion is not a change to the finding. */
export async function addComment(actor: CurrentUser, annotationId: string, body: string): Promise<CommentDto> {
  authorize(actor, "annotation.comment");
  return db.$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({ where: { id: annotationId, deletedAt: null }, select: { articleId: true } });
    if (!annotation) throw notFound("Annotation");
    const comment = await tx.comment.create({
      data: { annotationId, authorId: actor.id, body },
      include: { author: { select: { id: true, name: true } } },
    });
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
