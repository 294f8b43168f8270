/**
 * Fragment of an annotation's footnote. ClaimReview URLs end with the same fragment, so a
 * published copy of the HTML export can be the fact-check page they point to.
 */
export function annotationAnchor(id: string): string {
  return `annotation-${id}`;
}

/** Fragment of the footnote reference in the text (the footnote's way back). */
export function referenceAnchor(id: string): string {
  return `ref-${id}`;
}
