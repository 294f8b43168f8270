import { createHash, randomUUID } from "node:crypto";
import { AppError } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import type { AnnotationKind as DbKind, AnnotationStatus as DbStatus, Verdict as DbVerdict } from "@/lib/generated/prisma/client";
import { recordAnnotationEvent } from "./events";
import { loadUnlockedArticle } from "./load-article-for-annotation";
import { resolveTarget } from "./resolve-target";
import type { CreateAnnotationInput } from "./schemas";
import { annotationInclude, toAnnotationDto, upper } from "./serialize";
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

  const existing = input.id ? await findExisting(input.id) : null;
  if (existing) return sameRequestOrConflict(existing, articleId, requestHash);

  try {
    return await db.$transaction((tx) => insertAnnotation(tx, actor, articleId, { ...input, id }, requestHash));
  } catch (error) {
    // Two retries of the same create raced: the loser finds the winner's row.
    if (input.id && typeof error === "object" && error && "code" in error && error.code === "P2002") {
      const winner = await findExisting(input.id);
      if (winner) return sameRequestOrConflict(winner, articleId, requestHash);
    }
    throw error;
  }
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

/** The insert itself, inside a caller's transaction (used by create and by W3C import). */
export async function insertAnnotation(
  tx: Tx,
  actor: CurrentUser,
  articleId: string,
  input: CreateAnnotationInput & { id: string },
  requestHash: string,
  imported?: ImportedState,
): Promise<CreateAnnotationResult> {
  const { id } = input;
  const article = await loadUnlockedArticle(tx, articleId);
  const target = imported?.orphan
    ? { start: null, end: null, ...imported.orphan }
    : resolveTarget(article, input.target);
  const kind = upper<DbKind>(input.kind);
  const status = upper<DbStatus>(input.status ?? "unverified");
  const verdict = input.verdict ? upper<DbVerdict>(input.verdict) : null;
  if (input.sourceId) await assertValidSource(tx, articleId, input.sourceId, kind);
  if (status === "VERIFIED" && !imported) {
    // Creating an annotation already signed off would be signing off one's own work.
    assertSignOffAllowed({ kind, verdict, note: input.note ?? "", rationale: input.rationale ?? "", verdictById: verdict ? actor.id : null, authorId: actor.id }, actor);
  }
  const row = await tx.annotation.create({
    data: {
      id,
      articleId,
      kind,
      status,
      verdict,
      // An imported finding was made and signed off elsewhere: it is not the importer's.
      verdictById: verdict && !imported ? actor.id : null,
      ...target,
      anchor: imported?.orphan ? "ORPHANED" : "ANCHORED",
      revision: article.revision,
      note: input.note ?? "",
      rationale: input.rationale ?? "",
      sourceId: input.sourceId ?? null,
      authorId: actor.id,
      createHash: requestHash,
      evidence: { create: (input.evidence ?? []).map((e, position) => ({ ...e, position })) },
    },
    include: annotationInclude,
  });
  const dto = toAnnotationDto(row);
  await recordAnnotationEvent(tx, {
    annotationId: id,
    articleId,
    actorId: actor.id,
    action: "created",
    changes: { kind: dto.kind, status: dto.status, verdict: dto.verdict, target: dto.target },
  });
  return { annotation: dto, created: true };
}
