import type { AnnotationDto } from "@/lib/annotations/types";

/**
 * Sorts annotations as a reader meets them: by start, the longer (enclosing) one first
 * when two start together, orphans (no position) last, oldest first on ties.
 */
export function byDocumentOrder(a: AnnotationDto, b: AnnotationDto): number {
  return (
    (a.target.start ?? Number.MAX_SAFE_INTEGER) - (b.target.start ?? Number.MAX_SAFE_INTEGER) ||
    (b.target.end ?? 0) - (a.target.end ?? 0) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}
