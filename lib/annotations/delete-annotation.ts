import { notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { recordAnnotationEvent } from "./events";
import { loadUnlockedArticle } from "./load-article-for-annotation";
import { annotationInclude, toAnnotationDto } from "./serialize";
import type { AnnotationDto } from "./types";

/** Soft delete: the annotation leaves lists and exports, keeps its history, and can be restored. */
export async function deleteAnnotation(actor: CurrentUser, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.annotation.findFirst({ where: { id, deletedAt: null }, select: { articleId: true, authorId: true } });
    if (!current) throw notFound("Annotation");
    authorize(actor, "annotation.delete", { ownerId: current.authorId });
    await loadUnlockedArticle(tx, current.articleId);
    await tx.annotation.update({
      where: { id },
      data: { deletedAt: new Date(), deletedById: actor.id, version: { increment: 1 } },
    });
    await recordAnnotationEvent(tx, { annotationId: id, articleId: current.articleId, actorId: actor.id, action: "deleted", changes: {} });
  });
}

export async function restoreAnnotation(actor: CurrentUser, id: string): Promise<AnnotationDto> {
  return db.$transaction(async (tx) => {
    const current = await tx.annotation.findUnique({ where: { id }, select: { articleId: true, authorId: true, deletedAt: true } });
    if (!current) throw notFound("Annotation");
    authorize(actor, "annotation.delete", { ownerId: current.authorId });
    await loadUnlockedArticle(tx, current.articleId);
    if (current.deletedAt) {
      await tx.annotation.update({ where: { id }, data: { deletedAt: null, deletedById: null, version: { increment: 1 } } });
      await recordAnnotationEvent(tx, { annotationId: id, articleId: current.articleId, actorId: actor.id, action: "restored", changes: {} });
    }
    return toAnnotationDto(await tx.annotation.findUniqueOrThrow({ where: { id }, include: annotationInclude }));
  });
}
