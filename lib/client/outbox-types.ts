import type { z } from "zod";
import type { createAnnotationSchema, updateAnnotationSchema } from "@/lib/annotations/schemas";
import type { AnnotationDto, CommentDto } from "@/lib/annotations/types";

/** Request bodies as the client sends them (before the server's defaults). */
export type CreateBody = z.input<typeof createAnnotationSchema> & { id: string };
export type AnnotationPatch = Omit<z.input<typeof updateAnnotationSchema>, "version">;

interface OpBase {
  /** Identifies the queued change itself (not the annotation). */
  opId: string;
  annotationId: string;
  /** Times it was sent. A change that was sent once is never edited again: the server may hold it. */
  attempts: number;
}

export type OutboxOp = OpBase &
  (
    | { type: "create"; body: CreateBody; preview: AnnotationDto }
    | { type: "update"; version: number; patch: AnnotationPatch }
    | { type: "delete" }
    | { type: "restore"; preview: AnnotationDto }
    | { type: "comment"; body: string; createdAt: string }
  );

/** A change as the UI hands it over (the outbox fills in opId and attempts). */
export type NewOp = OutboxOp extends infer T ? (T extends OutboxOp ? Omit<T, "opId" | "attempts"> : never) : never;

/** An update the server refused because someone else changed the annotation first. */
export interface OutboxConflict {
  annotationId: string;
  /** What this person wanted to change. */
  patch: AnnotationPatch;
  /** The annotation as the server has it now. */
  current: AnnotationDto;
}

/** A change the server refused for good (4xx other than a conflict): dropped, with its message. */
export interface OutboxRejection {
  op: OutboxOp;
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
}

export interface SendResult {
  annotation?: AnnotationDto;
  comment?: CommentDto;
}

/** Sends one change; throws ApiError for an HTTP error and anything else for a network failure. */
export type OutboxTransport = (articleId: string, op: OutboxOp) => Promise<SendResult>;

/** The part of the Web Storage API the outbox uses, so tests can give it an in-memory one. */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type OutboxStatus = "idle" | "saving" | "failed";

export interface OutboxSnapshot {
  ops: OutboxOp[];
  conflicts: OutboxConflict[];
  status: OutboxStatus;
  /** Consecutive failed attempts of the change at the head of the queue. */
  failures: number;
  /** Message of the last failure (network error, 5xx), for the indicator's tooltip. */
  lastError: string | null;
}

export interface OutboxListener {
  onChange?(snapshot: OutboxSnapshot): void;
  onConfirmed?(op: OutboxOp, result: SendResult): void;
  onRejected?(rejection: OutboxRejection): void;
  onConflict?(conflict: OutboxConflict): void;
}
