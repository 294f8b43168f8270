import { listAnnotations } from "@/lib/annotations/list-annotations";
import type { CommentDto } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { exportConfigFromEnv, renderExport, type ExportFormat, type ExportInput, type RenderedExport } from "@/lib/export";
import { getArticle } from "./get-article";

/** Comments of many annotations in one query, grouped by annotation. */
async function commentsByAnnotation(annotationIds: string[]): Promise<Record<string, CommentDto[]>> {
  const rows = await db.comment.findMany({
    where: { annotationId: { in: annotationIds } },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true } } },
  });
  const out: Record<string, CommentDto[]> = {};
  for (const c of rows) {
    (out[c.annotationId] ??= []).push({ id: c.id, annotationId: c.annotationId, author: c.author, body: c.body, createdAt: c.createdAt.toISOString() });
  }
  return out;
}

/** Everything an exporter needs for one article; internal notes only for those allowed them. */
export async function loadExportInput(actor: CurrentUser, articleId: string, includeNotes: boolean): Promise<ExportInput> {
  authorize(actor, "article.export");
  if (includeNotes) authorize(actor, "article.exportNotes");
  const [article, annotations] = await Promise.all([getArticle(actor, articleId), listAnnotations(actor, articleId)]);
  return {
    article,
    annotations,
    comments: await commentsByAnnotation(annotations.map((a) => a.id)),
    options: { ...exportConfigFromEnv(process.env), includeNotes, generatedAt: new Date() },
  };
}

export async function exportArticle(actor: CurrentUser, articleId: string, format: ExportFormat, includeNotes: boolean): Promise<RenderedExport> {
  return renderExport(format, await loadExportInput(actor, articleId, includeNotes));
}
