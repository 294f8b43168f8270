import { AppError, notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Prisma, AnnotationKind as DbKind, AnnotationStatus as DbStatus, Verdict as DbVerdict } from "@/lib/generated/prisma/client";
import { recordAnnotationEvent, type Changes } from "./events";
import { loadUnlockedArticle } from "./load-article-for-annotation";
import { resolveTarget } from "./resolve-target";
import type { UpdateAnnotationInput } from "./schemas";
import { annotationInclude, toAnnotationDto, upper } from "./serialize";
import { assertSignOffAllowed } from "./sign-off";
import type { AnnotationDto } from "./types";
import { assertValidSource } from "./validate-source";

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a PATCH made on `input.version`. The write is conditional on that version, so
 * of two concurrent updates made on the same version exactly one wins; the other gets 409
 * with the current state.
 */
export async function updateAnnotation(actor: CurrentUser, id: string, input: UpdateAnnotationInput): Promise<AnnotationDto> {
  return db.$transaction(async (tx) => {
    const current = await tx.annotation.findFirst({ where: { id, deletedAt: null }, include: annotationInclude });
    if (!current) throw notFound("Annotation");
    const article = await loadUnlockedArticle(tx, current.articleId);
    const conflict = () =>
      new AppError("version_conflict", `This annotation was changed by someone else (now version ${current.version})`, {
        extra: { current: toAnnotationDto(current) },
      });
    if (input.version !== current.version) throw conflict();

    const before = toAnnotationDto(current);
    const data: Prisma.AnnotationUncheckedUpdateInput = {};
    const changes: Changes = {};
    const set = <K extends keyof AnnotationDto>(field: K, to: AnnotationDto[K], apply: () => void) => {
      if (sameJson(before[field], to)) return;
      changes[field] = { from: before[field], to };
      apply();
    };

    authorize(actor, "annotation.verify");
    let kind = current.kind;
    if (input.kind !== undefined) {
      const next = upper<DbKind>(input.kind);
      if (next !== current.kind) authorize(actor, "annotation.changeKind", { ownerId: current.authorId });
      kind = next;
      set("kind", input.kind, () => (data.kind = next));
    }

    if (input.target !== undefined) {
      // Re-attaching an orphan or moving a drifted one is verification work anyone may do;
      // moving an anchored annotation belongs to its author or an editor.
      if (current.anchor === "ANCHORED") authorize(actor, "annotation.moveTarget", { ownerId: current.authorId });
      else authorize(actor, "annotation.reanchor");
      const target = resolveTarget(article, input.target);
      set("target", target, () => Object.assign(data, target));
      if (current.anchor !== "ANCHORED") changes.anchor = { from: before.anchor, to: "anchored" };
      Object.assign(data, { anchor: "ANCHORED", revision: article.revision });
    } else if (input.anchor === "anchored" && current.anchor !== "ANCHORED") {
      if (current.anchor === "ORPHANED") throw new AppError("validation_failed", "An orphaned annotation needs a new target to be re-attached", { fields: { target: "required to re-attach an orphan" } });
      authorize(actor, "annotation.reanchor");
      changes.anchor = { from: before.anchor, to: "anchored" };
      data.anchor = "ANCHORED";
    }

    if (input.note !== undefined) set("note", input.note, () => (data.note = input.note));
    if (input.rationale !== undefined) set("rationale", input.rationale, () => (data.rationale = input.rationale));
    if (input.sourceId !== undefined) {
      if (input.sourceId !== null) await assertValidSource(tx, current.articleId, input.sourceId, kind, id);
      set("sourceId", input.sourceId, () => (data.sourceId = input.sourceId));
    } else if (kind === "SOURCE" && current.sourceId) {
      set("sourceId", null, () => (data.sourceId = null));
    }
    if (input.evidence !== undefined) {
      set("evidence", input.evidence, () => {
        data.evidence = { deleteMany: {}, create: input.evidence!.map((e, position) => ({ ...e, position })) };
      });
    }

    let verdict = current.verdict;
    let verdictById = current.verdictById;
    if (input.verdict !== undefined) {
      const next = input.verdict ? upper<DbVerdict>(input.verdict) : null;
      if (next !== current.verdict) {
        verdict = next;
        verdictById = next ? actor.id : null;
        set("verdict", input.verdict, () => Object.assign(data, { verdict: next, verdictById }));
        changes.verdictBy = { from: before.verdictBy, to: next ? { id: actor.id, name: actor.name } : null };
      }
    }

    let status: DbStatus = input.status ? upper<DbStatus>(input.status) : current.status;
    const verdictChanged = verdict !== current.verdict;
    if (verdictChanged && current.status === "VERIFIED" && input.status === undefined) {
      // A new finding needs a new sign-off.
      status = "IN_REVIEW";
    }
    const signingOff = status === "VERIFIED" && (current.status !== "VERIFIED" || verdictChanged);
    if (signingOff) {
      assertSignOffAllowed(
        { kind, verdict, verdictById, authorId: current.authorId, note: input.note ?? current.note, rationale: input.rationale ?? current.rationale },
        actor,
      );
      data.signedOffById = actor.id;
      data.signedOffAt = new Date();
      changes.signedOffBy = { from: before.signedOffBy, to: { id: actor.id, name: actor.name } };
    } else if (status !== "VERIFIED" && current.status === "VERIFIED") {
      data.signedOffById = null;
      data.signedOffAt = null;
      changes.signedOffBy = { from: before.signedOffBy, to: null };
    }
    if (status !== current.status) {
      changes.status = { from: before.status, to: status.toLowerCase() };
      data.status = status;
    }

    if (Object.keys(changes).length === 0) return before;

    const { count } = await tx.annotation.updateMany({
      where: { id, version: current.version },
      data: { version: { increment: 1 } },
    });
    if (count === 0) {
      // Someone committed a change while we waited for the row: answer with their version.
      const latest = await tx.annotation.findUniqueOrThrow({ where: { id }, include: annotationInclude });
      throw new AppError("version_conflict", `This annotation was changed by someone else (now version ${latest.version})`, {
        extra: { current: toAnnotationDto(latest) },
      });
    }
    const row = await tx.annotation.update({ where: { id }, data, include: annotationInclude });
    await recordAnnotationEvent(tx, { annotationId: id, articleId: current.articleId, actorId: actor.id, action: "updated", changes });
    return toAnnotationDto(row);
  });
}
