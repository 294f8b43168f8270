/**
 * What the live-update stream (GET /api/v1/stream) sends to browsers. Safe to import from
 * client code: types only.
 */
import type { AnnotationDto, UserRef } from "@/lib/annotations/types";

/** An annotation changed: created, updated, deleted, restored, commented or re-anchored. */
export interface LiveAnnotationEvent {
  type: "annotation";
  /** The event's id in the annotation history ("a" + number), as the activity feed names it. */
  id: string;
  articleId: string;
  annotationId: string;
  action: string;
  actor: UserRef;
  at: string;
  /** `{field: {from, to}}` for updates; for comments `{commentId, body}`. */
  changes: Record<string, unknown>;
  /** The annotation as it is now (it may have changed again since), or null once deleted. */
  annotation: AnnotationDto | null;
}

/** Something happened to the article: text edited, status changed, approved, (un)assigned… */
export interface LiveArticleEvent {
  type: "article";
  id: string;
  articleId: string;
  action: string;
  actor: UserRef;
  at: string;
  data: Record<string, unknown>;
}

export type LiveEvent = LiveAnnotationEvent | LiveArticleEvent;

export interface PresenceUser {
  id: string;
  name: string;
}

/** On the stream of all articles (no articleId): something changed on this article. */
export interface LiveChange {
  articleId: string;
  source: "annotation" | "article";
}
