import type { AnnotationKind, UserRef } from "@/lib/annotations/types";

/** One line of the activity feed, from an annotation event ("a…") or an article event ("r…"). */
export interface ActivityItem {
  id: string;
  at: string;
  actor: UserRef;
  source: "annotation" | "article";
  /** Annotation events: created, updated, deleted, restored, commented, reanchored. Article
   * events: imported, text_edited, status_changed, approved, reopened, assigned, unassigned. */
  action: string;
  article: { id: string; title: string };
  annotation: { id: string; kind: AnnotationKind; exact: string } | null;
  /** The event's recorded changes (`{field: {from, to}}` for updates) or data. */
  changes: Record<string, unknown>;
  /** Where to look: the annotation in the editor, or the article. */
  href: string;
}

export function activityHref(articleId: string, annotationId: string | null): string {
  return annotationId ? `/articles/${articleId}?annotation=${annotationId}` : `/articles/${articleId}`;
}
