import type { AnnotationDto } from "@/lib/annotations/types";
import { byDocumentOrder } from "./document-order";
import type { ExportInput, ExportItem } from "./types";

const NO_COMMENTS: readonly never[] = [];

/**
 * The annotations of an in-memory input as export items, in document order (orphans last),
 * each with its comments and its attributed source (looked up by id once, not searched for
 * each annotation).
 */
export function exportItems(input: ExportInput): ExportItem[] {
  const byId = new Map<string, AnnotationDto>();
  for (const a of input.annotations) byId.set(a.id, a);
  return [...input.annotations].sort(byDocumentOrder).map((annotation) => {
    const source = annotation.sourceId ? byId.get(annotation.sourceId) : undefined;
    return {
      annotation,
      comments: input.comments[annotation.id] ?? NO_COMMENTS,
      source: source && source.kind === "source" ? { id: source.id, exact: source.target.exact } : null,
    };
  });
}
