import type { AnnotationKind, AnnotationStatus, EvidenceDto, Verdict } from "@/lib/annotations/types";

/** One annotation read back from a W3C export, ready to be created on an article. */
export interface ImportedAnnotation {
  /** The annotation's id in the export (its UUID when it came from Factmark). */
  id: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  verdict: Verdict | null;
  rationale: string;
  /** Present when the export carried internal notes. */
  note?: string;
  /** Code point offsets when the export had a position; the quote always. */
  target: { start?: number; end?: number; exact: string; prefix: string; suffix: string };
  evidence: EvidenceDto[];
  /** Id (as in `id`) of the source annotation this one is attributed to. */
  sourceRef?: string;
}
