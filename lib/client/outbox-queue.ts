/**
 * Pure rules of the outbox queue: how a new change joins the queue (coalescing), and what
 * a confirmation, a conflict or a refusal does to the changes behind it.
 */
import type { AnnotationDto } from "@/lib/annotations/types";
import type { AnnotationPatch, OutboxConflict, OutboxOp } from "./outbox-types";

export interface QueueState {
  ops: OutboxOp[];
  conflicts: OutboxConflict[];
}

function lastIndexFor(ops: OutboxOp[], annotationId: string): number {
  for (let i = ops.length - 1; i >= 0; i--) if (ops[i].annotationId === annotationId) return i;
  return -1;
}

/**
 * Successive updates of one annotation become one request (typing a note, nudging a range
 * with the keyboard). Merging moves a change ahead of later changes to other annotations,
 * which is harmless unless it changes what others may refer to (kind, source link): those
 * merge only with the very last change in the queue. A change already sent is never edited.
 */
export function enqueueOp(ops: OutboxOp[], op: OutboxOp): OutboxOp[] {
  if (op.type === "update") {
    const index = lastIndexFor(ops, op.annotationId);
    const last = ops[index];
    const reorders = op.patch.kind !== undefined || op.patch.sourceId !== undefined;
    if (last && last.type === "update" && last.attempts === 0 && (index === ops.length - 1 || !reorders)) {
      const merged: OutboxOp = { ...last, patch: { ...last.patch, ...op.patch } };
      return ops.map((o, i) => (i === index ? merged : o));
    }
  }
  if (op.type === "delete") {
    // Created and deleted before the server heard of it: nothing to send at all.
    const unsentCreate = ops.some((o) => o.type === "create" && o.annotationId === op.annotationId && o.attempts === 0);
    if (unsentCreate) return ops.filter((o) => o.annotationId !== op.annotationId);
  }
  return [...ops, op];
}

/** The head change was confirmed: later updates of the same annotation were made on top of it. */
export function confirmHead(ops: OutboxOp[], opId: string, annotation: AnnotationDto | undefined): OutboxOp[] {
  const rest = ops.filter((o) => o.opId !== opId);
  if (!annotation) return rest;
  const next = rest.findIndex((o) => o.annotationId === annotation.id);
  if (next < 0 || rest[next].type !== "update") return rest;
  return rest.map((o, i) => (i === next && o.type === "update" ? { ...o, version: annotation.version } : o));
}

/**
 * The head update met a newer version. It leaves the queue with every unsent update of the
 * same annotation behind it (they were made on the same stale state) as one conflict.
 */
export function parkConflict(state: QueueState, head: OutboxOp, current: AnnotationDto): { state: QueueState; conflict: OutboxConflict } {
  let patch: AnnotationPatch = head.type === "update" ? { ...head.patch } : {};
  const ops = state.ops.filter((o) => {
    if (o.opId === head.opId) return false;
    if (o.type === "update" && o.annotationId === head.annotationId && o.attempts === 0) {
      patch = { ...patch, ...o.patch };
      return false;
    }
    return true;
  });
  const earlier = state.conflicts.find((c) => c.annotationId === head.annotationId);
  const conflict: OutboxConflict = { annotationId: head.annotationId, patch: { ...earlier?.patch, ...patch }, current };
  const conflicts = [...state.conflicts.filter((c) => c.annotationId !== head.annotationId), conflict];
  return { state: { ops, conflicts }, conflict };
}

/** The head change was refused for good. A refused create takes every later change of that annotation with it. */
export function dropRejected(ops: OutboxOp[], head: OutboxOp): { ops: OutboxOp[]; dropped: OutboxOp[] } {
  const goes = (o: OutboxOp) => o.opId === head.opId || (head.type === "create" && o.annotationId === head.annotationId);
  return { ops: ops.filter((o) => !goes(o)), dropped: ops.filter(goes) };
}
