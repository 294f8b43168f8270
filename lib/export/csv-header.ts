/**
 * Column names of the CSV export, stable English identifiers whatever the article's
 * language, so that the same script reads every export. `note` only with includeNotes.
 */
export function csvHeader(includeNotes: boolean): string[] {
  return [
    "article_id",
    "article_title",
    "annotation_id",
    "kind",
    "quote",
    "start",
    "end",
    "anchor",
    "status",
    "verdict",
    "rationale",
    ...(includeNotes ? ["note"] : []),
    "evidence_urls",
    "attributed_source",
    "author",
    "verdict_by",
    "signed_off_by",
    "created",
    "updated",
  ];
}
