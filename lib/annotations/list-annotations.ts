import { notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { AnnotationKind as DbKind, AnnotationStatus as DbStatus } from "@/lib/generated/prisma/client";
import { readArticleAnnotations } from "./annotation-sql";
import { annotationInclude, toAnnotationDto, upper } from "./serialize";
import type { AnnotationDto, AnnotationKind, AnnotationStatus } from "./types";

/** Live annotations of an article in document order; orphans (no position) last. */
export async function listAnnotations(
  actor: CurrentUser,
  articleId: string,
  filter: { kind?: AnnotationKind; status?: AnnotationStatus } = {},
): Promise<AnnotationDto[]> {
  authorize(actor, "article.read");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const rows = await readArticleAnnotations(db, articleId, {
    kind: filter.kind ? upper<DbKind>(filter.kind) : undefined,
    status: filter.status ? upper<DbStatus>(filter.status) : undefined,
  });
  return rows.map(toAnnotationDto);
}

export async function getAnnotation(actor: CurrentUser, id: string): Promise<AnnotationDto> {
  authorize(actor, "article.read");
  const row = await db.annotation.findFirst({ where: { id, deletedAt: null }, include: annotationInclude });
  if (!row) throw notFound("Annotation");
  return toAnnotationDto(row);
}
