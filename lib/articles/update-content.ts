import { canonicalText } from "@/lib/anchoring/canonical-text";
import { codePointIndex } from "@/lib/anchoring/code-points";
import { reanchorAnnotations, type ReanchorResult } from "@/lib/anchoring/reanchor";
import { AppError, notFound } from "@/lib/api/errors";
import type { ArticleDto } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_BODY_BYTES } from "./import/limits";
import { textFingerprint } from "./import/text-hash";
import { parseContent } from "./parse-content";
import { articleSelect, toArticleDto } from "./serialize";

export interface ContentUpdateResult {
  revision: number;
  anchored: number;
  drifted: number;
  orphaned: number;
  article: ArticleDto;
}

type AnchorState = "ANCHORED" | "DRIFTED" | "ORPHANED";

interface StoredAnnotation {
  id: string;
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  anchor: AnchorState;
}

/**
 * A drifted annotation stays drifted until a person confirms it, even when the next edit
 * leaves it where it is.
 */
function nextState(before: AnchorState, found: ReanchorResult["anchor"]): AnchorState {
  const state = found.toUpperCase() as AnchorState;
  return before === "DRIFTED" && state === "ANCHORED" ? "DRIFTED" : state;
}

/**
 * Saves a new revision of the article text and re-anchors every annotation on it, in one
 * transaction: anchored where the quote still is, drifted where the fuzzy search found it,
 * orphaned otherwise. Nothing is deleted.
 */
export async function updateContent(actor: CurrentUser, articleId: string, input: { content: unknown; revision: number }): Promise<ContentUpdateResult> {
  authorize(actor, "article.editText");
  const { doc, content } = parseContent(input.content);
  const newText = canonicalText(doc).text;
  if (Buffer.byteLength(newText, "utf8") > MAX_BODY_BYTES) throw new AppError("too_large", "The article text is over 2 MB");
  if (!newText.trim()) throw new AppError("validation_failed", "The article cannot be empty", { fields: { content: "has no text" } });

  return db.$transaction(
    async (tx) => {
      // Serialize concurrent saves of the same article: the second sees the new revision.
      const locked = await tx.$queryRaw<{ revision: number; status: string; text: string }[]>`
        SELECT revision, status::text AS status, text FROM "Article" WHERE id = ${articleId}::uuid FOR UPDATE`;
      const current = locked[0];
      if (!current) throw notFound("Article");
      if (current.status === "APPROVED") throw new AppError("article_locked", "This article is approved: reopen it before editing its text");
      if (current.revision !== input.revision) {
        throw new AppError("revision_changed", `Someone saved revision ${current.revision} while you were editing revision ${input.revision}`, {
          details: { revision: current.revision },
        });
      }
      const oldText = current.text;
      const revision = current.revision + 1;
      const annotations = await tx.annotation.findMany({
        where: { articleId, deletedAt: null },
        select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, anchor: true },
      });
      const counts = await reanchorStored(tx, { articleId, actorId: actor.id, revision, oldText, newText, annotations });

      await tx.articleRevision.create({ data: { articleId, number: revision, content: content as Prisma.InputJsonValue, text: newText, authorId: actor.id } });
      const article = await tx.article.update({
        where: { id: articleId },
        data: { revision, text: newText, textHash: textFingerprint(newText), lastActivityAt: new Date() },
        select: articleSelect,
      });
      await tx.articleEvent.create({ data: { articleId, actorId: actor.id, action: "text_edited", data: { revision, ...counts } } });
      return { revision, ...counts, article: toArticleDto(article, content) };
    },
    { timeout: 30_000 },
  );
}

async function reanchorStored(
  tx: Tx,
  args: { articleId: string; actorId: string; revision: number; oldText: string; newText: string; annotations: StoredAnnotation[] },
) {
  const oldIndex = codePointIndex(args.oldText);
  const newIndex = codePointIndex(args.newText);
  const results = reanchorAnnotations({
    oldText: args.oldText,
    newText: args.newText,
    annotations: args.annotations.map((a) => ({
      id: a.id,
      exact: a.exact,
      prefix: a.prefix,
      suffix: a.suffix,
      start: a.start === null ? null : oldIndex.toCodeUnit(a.start),
      end: a.end === null ? null : oldIndex.toCodeUnit(a.end),
    })),
  });
  const byId = new Map(args.annotations.map((a) => [a.id, a]));
  const counts = { anchored: 0, drifted: 0, orphaned: 0 };
  const rows: Prisma.Sql[] = [];
  const events: Prisma.AnnotationEventCreateManyInput[] = [];
  for (const r of results) {
    const before = byId.get(r.id)!;
    const anchor = nextState(before.anchor, r.anchor);
    counts[anchor.toLowerCase() as keyof typeof counts] += 1;
    const start = r.start === null ? null : newIndex.toCodePoint(r.start);
    const end = r.end === null ? null : newIndex.toCodePoint(r.end);
    // A pure shift is not a change anyone needs to review: no version bump, no event.
    const meaningful = anchor !== before.anchor || r.exact !== before.exact;
    rows.push(Prisma.sql`(${r.id}::uuid, ${start}::int, ${end}::int, ${r.exact}, ${r.prefix}, ${r.suffix}, ${anchor}::"AnchorState", ${meaningful}::boolean)`);
    if (meaningful) {
      events.push({
        annotationId: r.id,
        articleId: args.articleId,
        actorId: args.actorId,
        action: "reanchored",
        changes: {
          anchor: { from: before.anchor.toLowerCase(), to: anchor.toLowerCase() },
          target: { from: { start: before.start, end: before.end, exact: before.exact }, to: { start, end, exact: r.exact } },
          revision: args.revision,
        },
      });
    }
  }
  if (rows.length > 0) {
    await tx.$executeRaw`
      UPDATE "Annotation" AS a SET
        start = v.start, "end" = v."end", exact = v.exact, prefix = v.prefix, suffix = v.suffix,
        anchor = v.anchor,
        revision = CASE WHEN v.anchor = 'ORPHANED' THEN a.revision ELSE ${args.revision} END,
        version = a.version + CASE WHEN v.meaningful THEN 1 ELSE 0 END,
        "updatedAt" = CASE WHEN v.meaningful THEN now() ELSE a."updatedAt" END
      FROM (VALUES ${Prisma.join(rows)}) AS v(id, start, "end", exact, prefix, suffix, anchor, meaningful)
      WHERE a.id = v.id`;
  }
  if (events.length > 0) await tx.annotationEvent.createMany({ data: events });
  return counts;
}
