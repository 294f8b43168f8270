import { AppError, notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { AnnotationKind as DbKind, AnnotationStatus as DbStatus, Verdict as DbVerdict } from "@/lib/generated/prisma/client";
import { readAnnotation, updateAnnotationRow, type AnnotationChanges, type CurrentAnnotation, type EvidenceRow } from "./annotation-sql";
import { articleText, readArticleText } from "./article-text-cache";
import type { Changes } from "./events";
import { resolveTarget } from "./resolve-target";
import type { UpdateAnnotationInput } from "./schemas";
import { toAnnotationDto, upper } from "./serialize";
import { assertSignOffAllowed } from "./sign-off";
import type { AnnotationDto } from "./types";
import { assertValidSource } from "./validate-source";

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a PATCH made on `input.version`. The write is conditional on that version, so
 * of two concurrent updates made on the same version exactly one wins; the other gets 409
 * with the current state. One read and one writing statement (see annotation-sql.ts).
 */
export async function updateAnnotation(actor: CurrentUser, id: string, input: UpdateAnnotationInput): Promise<AnnotationDto> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await readAnnotation(db, id);
    if (!current) throw notFound("Annotation");
    if (current.articleStatus === "APPROVED") throw lockedError();
    const planned = await planUpdate(actor, current, input, attempt > 0);
    if (!planned) return toAnnotationDto(current.row);
    const row = await updateAnnotationRow(db, current.row, planned.changes, {
      evidence: planned.evidence,
      currentEvidence: current.row.evidence,
      articleRevision: planned.articleRevision,
      event: { actorId: actor.id, action: "updated", changes: planned.eventChanges },
    });
    if (row) return toAnnotationDto(row);
    // Nothing was written: someone changed the annotation, deleted it, approved the article
    // or edited its text since we read them. Read again and answer accordingly.
  }
  throw new AppError("version_conflict", "This annotation kept changing while it was saved; reload it and try again");
}

const lockedError = () =>
  new AppError("article_locked", "This article is approved: its annotations are locked until an editor reopens it");

interface PlannedUpdate {
  changes: AnnotationChanges;
  eventChanges: Changes;
  evidence?: EvidenceRow[];
  /** Set when the target moves: the write holds only if the text is still this revision. */
  articleRevision?: number;
}

/** The columns to write and the event's changes, after every permission and rule check; null when nothing changes. */
async function planUpdate(actor: CurrentUser, current: CurrentAnnotation, input: UpdateAnnotationInput, freshText: boolean): Promise<PlannedUpdate | null> {
  const { row } = current;
  if (input.version !== row.version) {
    throw new AppError("version_conflict", `This annotation was changed by someone else (now version ${row.version})`, {
      extra: { current: toAnnotationDto(row) },
    });
  }

  const before = toAnnotationDto(row);
  const data: AnnotationChanges = {};
  const changes: Changes = {};
  let evidence: EvidenceRow[] | undefined;
  let articleRevision: number | undefined;
  const set = <K extends keyof AnnotationDto>(field: K, to: AnnotationDto[K], apply: () => void) => {
    if (sameJson(before[field], to)) return;
    changes[field] = { from: before[field], to };
    apply();
  };

  authorize(actor, "annotation.verify");
  let kind = row.kind;
  if (input.kind !== undefined) {
    const next = upper<DbKind>(input.kind);
    if (next !== row.kind) authorize(actor, "annotation.changeKind", { ownerId: row.authorId });
    kind = next;
    set("kind", input.kind, () => (data.kind = next));
  }

  if (input.target !== undefined) {
    // Re-attaching an orphan or moving a drifted one is verification work anyone may do;
    // moving an anchored annotation belongs to its author or an editor.
    if (row.anchor === "ANCHORED") authorize(actor, "annotation.moveTarget", { ownerId: row.authorId });
    else authorize(actor, "annotation.reanchor");
    const article = freshText
      ? await readArticleText(db, row.articleId)
      : await articleText(db, row.articleId, current.articleRevision);
    if (!article) throw notFound("Article");
    const target = resolveTarget(article, input.target);
    set("target", target, () => Object.assign(data, target));
    if (row.anchor !== "ANCHORED") changes.anchor = { from: before.anchor, to: "anchored" };
    Object.assign(data, { anchor: "ANCHORED", revision: article.revision });
    articleRevision = article.revision;
  } else if (input.anchor === "anchored" && row.anchor !== "ANCHORED") {
    if (row.anchor === "ORPHANED") throw new AppError("validation_failed", "An orphaned annotation needs a new target to be re-attached", { fields: { target: "required to re-attach an orphan" } });
    authorize(actor, "annotation.reanchor");
    changes.anchor = { from: before.anchor, to: "anchored" };
    data.anchor = "ANCHORED";
  }

  if (input.note !== undefined) set("note", input.note, () => (data.note = input.note));
  if (input.rationale !== undefined) set("rationale", input.rationale, () => (data.rationale = input.rationale));
  if (input.sourceId !== undefined) {
    if (input.sourceId !== null) await assertValidSource(db, row.articleId, input.sourceId, kind, row.id);
    set("sourceId", input.sourceId, () => (data.sourceId = input.sourceId));
  } else if (kind === "SOURCE" && row.sourceId) {
    set("sourceId", null, () => (data.sourceId = null));
  }
  if (input.evidence !== undefined) {
    const next = input.evidence.map((e) => ({ url: e.url, title: e.title ?? "", quote: e.quote ?? "", note: e.note ?? "" }));
    set("evidence", input.evidence, () => (evidence = next));
  }

  let verdict = row.verdict;
  let verdictById = row.verdictById;
  if (input.verdict !== undefined) {
    const next = input.verdict ? upper<DbVerdict>(input.verdict) : null;
    if (next !== row.verdict) {
      verdict = next;
      verdictById = next ? actor.id : null;
      set("verdict", input.verdict, () => Object.assign(data, { verdict: next, verdictById }));
      changes.verdictBy = { from: before.verdictBy, to: next ? { id: actor.id, name: actor.name } : null };
    }
  }

  let status: DbStatus = input.status ? upper<DbStatus>(input.status) : row.status;
  const verdictChanged = verdict !== row.verdict;
  if (verdictChanged && row.status === "VERIFIED" && input.status === undefined) {
    // A new finding needs a new sign-off.
    status = "IN_REVIEW";
  }
  const signingOff = status === "VERIFIED" && (row.status !== "VERIFIED" || verdictChanged);
  if (signingOff) {
    assertSignOffAllowed(
      { kind, verdict, verdictById, authorId: row.authorId, note: input.note ?? row.note, rationale: input.rationale ?? row.rationale },
      actor,
    );
    data.signedOffById = actor.id;
    data.signedOffAt = new Date();
    changes.signedOffBy = { from: before.signedOffBy, to: { id: actor.id, name: actor.name } };
  } else if (status !== "VERIFIED" && row.status === "VERIFIED") {
    data.signedOffById = null;
    data.signedOffAt = null;
    changes.signedOffBy = { from: before.signedOffBy, to: null };
  }
  if (status !== row.status) {
    changes.status = { from: before.status, to: status.toLowerCase() };
    data.status = status;
  }

  if (Object.keys(changes).length === 0) return null;
  return { changes: data, eventChanges: changes, evidence, articleRevision };
}

