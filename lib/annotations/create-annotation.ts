import { createHash, randomUUID } from "node:crypto";
import { AppError, notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db, type Db, type Tx } from "@/lib/db";
import type { AnnotationKind as DbKind, AnnotationStatus as DbStatus, Verdict as DbVerdict } from "@/lib/generated/prisma/client";
import { insertAnnotationRow, type NewAnnotation } from "./annotation-sql";
import { articleText, readArticleText } from "./article-text-cache";
import { loadUnlockedArticle } from "./load-article-for-annotation";
import { resolveTarget } from "./resolve-target";
import type { CreateAnnotationInput } from "./schemas";
import { annotationInclude, toAnnotationDto, upper, type AnnotationRow } from "./serialize";
import { assertSignOffAllowed } from "./sign-off";
import { assertValidSource } from "./validate-source";
import type { AnnotationDto } from "./types";

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A stable hash of the request body, so a retried create with the same client id is recognised. */
export function hashCreateRequest(articleId: string, input: CreateAnnotationInput): string {
  return createHash("sha256").update(stableStringify({ articleId, ...input })).digest("hex");
}

/**
 * How an annotation read from a W3C export is kept: its status as exported (the sign-off
 * happened where it was made), and, when its quote is not in this text, as an orphan with
 * its quote rather than dropped.
 */
export interface ImportedState {
  orphan?: { exact: string; prefix: string; suffix: string };
}

export interface CreateAnnotationResult {
  annotation: AnnotationDto;
  /** False when a retry with the same client id found the annotation already created. */
  created: boolean;
}

export async function createAnnotation(
  actor: CurrentUser,
  articleId: string,
  input: CreateAnnotationInput,
): Promise<CreateAnnotationResult> {
  authorize(actor, "annotation.create");
  const id = input.id ?? randomUUID();
  const requestHash = hashCreateRequest(articleId, input);
  const full = { ...input, id };

  // A retry of a create that was saved is answered from the saved row, whatever happened since.
  const answerRetry = async () => {
    const existing = input.id ? await findExisting(input.id) : null;
    return existing ? sameRequestOrConflict(existing, articleId, requestHash) : null;
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    // First from the cache of article texts; after a failed write, read afresh.
    const article = attempt === 0 ? await articleText(db, articleId) : await readArticleText(db, articleId);
    if (!article) throw notFound("Article");
    let row: NewAnnotation;
    try {
      if (article.status === "APPROVED") throw lockedError();
      row = await prepareAnnotation(db, actor, articleId, article, full, requestHash);
    } catch (error) {
      const retried = await answerRetry();
      if (retried) return retried;
      if (attempt === 0 && error instanceof AppError) continue; // perhaps judged on a cached text: judge again
      throw error;
    }
    const saved = await insertAnnotationRow(db, row, article.revision, createdEvent(actor));
    if (saved) return { annotation: toAnnotationDto(saved), created: true };
    // Nothing was written: the id is taken, or the article moved on (new text, approved, gone).
    const retried = await answerRetry();
    if (retried) return retried;
    if (!input.id && (await findExisting(id))) throw new AppError("id_conflict", "This id is already used by another annotation");
  }
  throw new AppError("revision_changed", "The article's text kept changing while this annotation was saved; try again");
}

const lockedError = () =>
  new AppError("article_locked", "This article is approved: its annotations are locked until an editor reopens it");

function createdEvent(actor: CurrentUser) {
  return (row: AnnotationRow) => {
    const dto = toAnnotationDto(row);
    return {
      actorId: actor.id,
      action: "created" as const,
      changes: { kind: dto.kind, status: dto.status, verdict: dto.verdict, target: dto.target },
    };
  };
}

function findExisting(id: string) {
  return db.annotation.findUnique({ where: { id }, include: annotationInclude });
}

function sameRequestOrConflict(
  existing: NonNullable<Awaited<ReturnType<typeof findExisting>>>,
  articleId: string,
  requestHash: string,
): CreateAnnotationResult {
  if (existing.articleId !== articleId || existing.createHash !== requestHash) {
    throw new AppError("id_conflict", "This id is already used by another annotation with a different body", {
      details: { existingId: existing.id },
    });
  }
  return { annotation: toAnnotationDto(existing), created: false };
}

/** Checks a create against the article's text and the sign-off rules; the row to insert. */
async function prepareAnnotation(
  client: Db | Tx,
  actor: CurrentUser,
  articleId: string,
  article: { text: string; revision: number },
  input: CreateAnnotationInput & { id: string },
  requestHash: string,
  imported?: ImportedState,
): Promise<NewAnnotation> {
  const target = imported?.orphan
    ? { start: null, end: null, ...imported.orphan }
    : resolveTarget(article, input.target);
  const kind = upper<DbKind>(input.kind);
  const status = upper<DbStatus>(input.status ?? "unverified");
  const verdict = input.verdict ? upper<DbVerdict>(input.verdict) : null;
  if (input.sourceId) await assertValidSource(client, articleId, input.sourceId, kind);
  if (status === "VERIFIED" && !imported) {
    // Creating an annotation already signed off would be signing off one's own work.
    assertSignOffAllowed({ kind, verdict, note: input.note ?? "", rationale: input.rationale ?? "", verdictById: verdict ? actor.id : null, authorId: actor.id }, actor);
  }
  return {
    id: input.id,
    articleId,
    kind,
    status,
    verdict,
    // An imported finding was made and signed off elsewhere: it is not the importer's.
    verdictById: verdict && !imported ? actor.id : null,
    ...target,
    anchor: imported?.orphan ? "ORPHANED" : "ANCHORED",
    note: input.note ?? "",
    rationale: input.rationale ?? "",
    sourceId: input.sourceId ?? null,
    authorId: actor.id,
    createHash: requestHash,
    evidence: (input.evidence ?? []).map((e) => ({ url: e.url, title: e.title ?? "", quote: e.quote ?? "", note: e.note ?? "" })),
  };
}

/** The insert itself, inside a caller's transaction that holds the article (used by W3C import). */
export async function insertAnnotation(
  tx: Tx,
  actor: CurrentUser,
  articleId: string,
  input: CreateAnnotationInput & { id: string },
  requestHash: string,
  imported?: ImportedState,
): Promise<CreateAnnotationResult> {
  const article = await loadUnlockedArticle(tx, articleId);
  const row = await prepareAnnotation(tx, actor, articleId, article, input, requestHash, imported);
  const saved = await insertAnnotationRow(tx, row, article.revision, createdEvent(actor));
  if (!saved) throw new AppError("id_conflict", "This id is already used by another annotation");
  return { annotation: toAnnotationDto(saved), created: true };
}
