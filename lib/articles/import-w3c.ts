import { randomUUID } from "node:crypto";
import { hashCreateRequest, insertAnnotation } from "@/lib/annotations/create-annotation";
import { loadUnlockedArticle } from "@/lib/annotations/load-article-for-annotation";
import type { CreateAnnotationInput } from "@/lib/annotations/schemas";
import type { AnnotationDto } from "@/lib/annotations/types";
import { AppError } from "@/lib/api/errors";
import { toAppError } from "@/lib/api/prisma-errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { codePointIndex } from "@/lib/anchoring/code-points";
import { parseW3cCollection, type ImportedAnnotation } from "@/lib/export";

/**
 * The target to create from an imported annotation: its position when the quote is still
 * there (same text), else its quote with context (the text may differ a little).
 */
function targetFor(text: string, a: ImportedAnnotation): CreateAnnotationInput["target"] {
  if (a.target.start !== undefined && a.target.end !== undefined) {
    const index = codePointIndex(text);
    if (a.target.end <= index.length && text.slice(index.toCodeUnit(a.target.start), index.toCodeUnit(a.target.end)) === a.target.exact) {
      return { start: a.target.start, end: a.target.end };
    }
  }
  return { exact: a.target.exact, prefix: a.target.prefix || undefined, suffix: a.target.suffix || undefined };
}

/**
 * Imports a W3C AnnotationCollection (as Factmark exports it) into an article, all or
 * nothing: kind, target, status, verdict, rationale, note and evidence as exported. An
 * annotation whose quote is not in this text is kept as an orphan (listed as detached, to
 * be re-attached) and reported in `orphaned`, never dropped.
 */
export async function importW3cAnnotations(
  actor: CurrentUser,
  articleId: string,
  collection: unknown,
): Promise<{ items: AnnotationDto[]; orphaned: { id: string; exact: string; reason: string }[] }> {
  authorize(actor, "annotation.create");
  const imported = parseW3cCollection(collection);
  // Sources first, so claims can be linked to their new ids.
  const ordered = [...imported].sort((a, b) => Number(b.kind === "source") - Number(a.kind === "source"));
  return db.$transaction(
    async (tx) => {
      const article = await loadUnlockedArticle(tx, articleId);
      const newIds = new Map<string, string>();
      const created: AnnotationDto[] = [];
      const orphaned: { id: string; exact: string; reason: string }[] = [];
      for (const [index, a] of ordered.entries()) {
        const id = randomUUID();
        newIds.set(a.id, id);
        const input: CreateAnnotationInput & { id: string } = {
          id,
          kind: a.kind,
          status: a.status,
          verdict: a.verdict,
          rationale: a.rationale,
          note: a.note,
          evidence: a.evidence,
          sourceId: a.sourceRef ? newIds.get(a.sourceRef) ?? null : null,
          target: targetFor(article.text, a),
        };
        const hash = hashCreateRequest(articleId, input);
        try {
          const { annotation } = await insertAnnotation(tx, actor, articleId, input, hash, {});
          created.push(annotation);
        } catch (error) {
          const appError = toAppError(error);
          if (!appError) throw error;
          if (appError.code === "quote_not_found" || appError.code === "quote_ambiguous") {
            // Resolving the target wrote nothing, so the transaction is intact.
            const orphan = { exact: a.target.exact, prefix: a.target.prefix, suffix: a.target.suffix };
            const { annotation } = await insertAnnotation(tx, actor, articleId, input, hash, { orphan });
            created.push(annotation);
            orphaned.push({ id: annotation.id, exact: a.target.exact, reason: appError.message });
            continue;
          }
          throw new AppError(appError.code, `Annotation ${index + 1} (“${a.target.exact.slice(0, 40)}”): ${appError.message}`, appError.options);
        }
      }
      return { items: created, orphaned };
    },
    { timeout: 60_000 },
  );
}
