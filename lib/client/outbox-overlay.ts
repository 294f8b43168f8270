/**
 * What the person sees = the server's annotations with their pending changes applied on
 * top (optimistic UI; after a reload the queued changes are shown the same way).
 */
import type { AnnotationDto, EvidenceDto, UserRef } from "@/lib/annotations/types";
import type { AnnotationPatch, OutboxOp } from "./outbox-types";

export interface OverlayContext {
  actor: UserRef;
  /** The text between two code point offsets of the canonical text. */
  quote(start: number, end: number): string;
}

/** The order of the API's list: by position, orphans last, longer first at equal starts. */
export function documentOrder(a: AnnotationDto, b: AnnotationDto): number {
  const as = a.target.start ?? Number.POSITIVE_INFINITY;
  const bs = b.target.start ?? Number.POSITIVE_INFINITY;
  if (as !== bs) return as - bs;
  const ae = a.target.end ?? 0;
  const be = b.target.end ?? 0;
  if (ae !== be) return be - ae;
  return a.createdAt.localeCompare(b.createdAt);
}

const evidenceOf = (items: NonNullable<AnnotationPatch["evidence"]>): EvidenceDto[] =>
  items.map((e) => ({ url: e.url.trim(), title: e.title ?? "", quote: e.quote ?? "", note: e.note ?? "" }));

/** An annotation with a change applied as the server would (verdict author, sign-off, re-review). */
export function applyPatch(dto: AnnotationDto, patch: AnnotationPatch, ctx: OverlayContext): AnnotationDto {
  const next: AnnotationDto = { ...dto };
  if (patch.kind !== undefined) next.kind = patch.kind;
  if (patch.note !== undefined) next.note = patch.note;
  if (patch.rationale !== undefined) next.rationale = patch.rationale;
  if (patch.sourceId !== undefined) next.sourceId = patch.sourceId;
  if (patch.evidence !== undefined) next.evidence = evidenceOf(patch.evidence);
  if (patch.anchor === "anchored") next.anchor = "anchored";
  if (patch.target !== undefined && "start" in patch.target) {
    const { start, end } = patch.target;
    next.target = { ...dto.target, start, end, exact: ctx.quote(start, end) };
    next.anchor = "anchored";
  }
  if (patch.verdict !== undefined && (patch.verdict ?? null) !== dto.verdict) {
    next.verdict = patch.verdict ?? null;
    next.verdictBy = next.verdict ? ctx.actor : null;
    if (dto.status === "verified" && patch.status === undefined) next.status = "in_review";
  }
  if (patch.status !== undefined) next.status = patch.status;
  if (next.status === "verified" && (dto.status !== "verified" || next.verdict !== dto.verdict)) next.signedOffBy = ctx.actor;
  if (next.status !== "verified") next.signedOffBy = null;
  return next;
}

/** The server's annotations (in document order) with the queued changes applied. */
export function applyOutbox(server: readonly AnnotationDto[], ops: readonly OutboxOp[], ctx: OverlayContext): AnnotationDto[] {
  if (ops.length === 0) return server as AnnotationDto[];
  const byId = new Map(server.map((a) => [a.id, a]));
  let moved = false;
  for (const op of ops) {
    const current = byId.get(op.annotationId);
    switch (op.type) {
      case "create":
        // Already there: the server stored it but its answer was lost before the reload.
        if (!current) byId.set(op.annotationId, op.preview);
        moved = true;
        break;
      case "update":
        if (current) {
          byId.set(op.annotationId, applyPatch(current, op.patch, ctx));
          if (op.patch.target) moved = true;
        }
        break;
      case "delete":
        byId.delete(op.annotationId);
        break;
      case "restore":
        if (!current) byId.set(op.annotationId, op.preview);
        moved = true;
        break;
      case "comment":
        break;
    }
  }
  const list = [...byId.values()];
  return moved ? list.sort(documentOrder) : list;
}
