import { z } from "zod";
import { MAX_COMMENT_LENGTH, MAX_EVIDENCE_ITEMS, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH } from "./limits";
import { ANCHOR_STATES, ANNOTATION_KINDS, ANNOTATION_STATUSES, VERDICTS } from "./types";

export { MAX_COMMENT_LENGTH, MAX_EVIDENCE_ITEMS, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH };

const httpUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

export const evidenceSchema = z.strictObject({
  url: httpUrl,
  title: z.string().max(500).optional().default(""),
  quote: z.string().max(MAX_NOTE_LENGTH).optional().default(""),
  note: z.string().max(MAX_NOTE_LENGTH).optional().default(""),
});

const offset = z.number().int("must be an integer").min(0, "must be ≥ 0");

export const positionTargetSchema = z
  .strictObject({ start: offset, end: offset, revision: z.number().int().min(1).optional() })
  .refine((t) => t.end > t.start, { message: "must be > start", path: ["end"] });

export const quoteTargetSchema = z.strictObject({
  exact: z.string().min(1, "must not be empty").max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(1_000).optional(),
  suffix: z.string().max(1_000).optional(),
});

export const targetSchema = z.union([positionTargetSchema, quoteTargetSchema], {
  error: "must be {start, end, revision?} or {exact, prefix?, suffix?}",
});

export type TargetInput = z.infer<typeof targetSchema>;

const note = z.string().max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`);

export const createAnnotationSchema = z.strictObject({
  id: z.uuid("must be a UUID").optional(),
  kind: z.enum(ANNOTATION_KINDS),
  target: targetSchema,
  status: z.enum(ANNOTATION_STATUSES).optional(),
  verdict: z.enum(VERDICTS).nullable().optional(),
  note: note.optional(),
  rationale: note.optional(),
  sourceId: z.uuid("must be a UUID").nullable().optional(),
  evidence: z.array(evidenceSchema).max(MAX_EVIDENCE_ITEMS).optional(),
});

export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.strictObject({
  version: z.number().int().min(1),
  kind: z.enum(ANNOTATION_KINDS).optional(),
  status: z.enum(ANNOTATION_STATUSES).optional(),
  verdict: z.enum(VERDICTS).nullable().optional(),
  note: note.optional(),
  rationale: note.optional(),
  target: targetSchema.optional(),
  anchor: z.literal(ANCHOR_STATES[0], { error: 'only "anchored" (to confirm a drifted annotation)' }).optional(),
  sourceId: z.uuid("must be a UUID").nullable().optional(),
  evidence: z.array(evidenceSchema).max(MAX_EVIDENCE_ITEMS).optional(),
});

export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

export const commentSchema = z.strictObject({
  /** A client-chosen UUID makes a retried comment idempotent (as for annotations). */
  id: z.uuid("must be a UUID").optional(),
  body: z.string().trim().min(1, "must not be empty").max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`),
});
