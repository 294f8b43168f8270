/**
 * The annotation as the HTTP API (../shared/API.md) returns it. Offsets are Unicode code
 * points into the article's canonical text, end exclusive.
 */
export const ANNOTATION_KINDS = ["claim", "figure", "source"] as const;
export const ANNOTATION_STATUSES = ["unverified", "in_progress", "in_review", "verified"] as const;
export const VERDICTS = ["accurate", "mostly_accurate", "misleading", "false", "unverifiable"] as const;
export const ANCHOR_STATES = ["anchored", "drifted", "orphaned"] as const;

export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];
export type Verdict = (typeof VERDICTS)[number];
export type AnchorState = (typeof ANCHOR_STATES)[number];

export interface UserRef {
  id: string;
  name: string;
}

export interface AnnotationTarget {
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface EvidenceDto {
  url: string;
  title: string;
  quote: string;
  note: string;
}

export interface AnnotationDto {
  id: string;
  articleId: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  verdict: Verdict | null;
  target: AnnotationTarget;
  anchor: AnchorState;
  note: string;
  rationale: string;
  sourceId: string | null;
  evidence: EvidenceDto[];
  author: UserRef;
  verdictBy: UserRef | null;
  signedOffBy: UserRef | null;
  signedOffAt: string | null;
  revision: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CommentDto {
  id: string;
  annotationId: string;
  author: UserRef;
  body: string;
  createdAt: string;
}

export interface ArticleDto {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  author: string | null;
  language: string;
  publishedAt: string | null;
  status: "draft" | "in_review" | "approved";
  revision: number;
  /** Canonical text of the current revision. */
  text: string;
  /** Tiptap document JSON of the current revision. */
  content: unknown;
  createdAt: string;
  updatedAt: string;
}

/**
 * ClaimReview rating of each verdict on the 1–5 truth scale of Google's fact-check markup
 * (1 false … 5 true). Unverifiable has no place on a truth scale: 3 would read as "half
 * true". It has no number; ClaimReview publishes it by name alone (alternateName), which
 * the markup allows. See docs/EXPORTS.md.
 */
export const VERDICT_RATING: Record<Verdict, number | null> = {
  accurate: 5,
  mostly_accurate: 4,
  misleading: 2,
  false: 1,
  unverifiable: null,
};
