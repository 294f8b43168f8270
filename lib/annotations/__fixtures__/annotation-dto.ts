import type { AnnotationDto } from "../types";

/** An unverified, anchored claim with no finding yet, as the API returns it; tests override what they look at. */
export function annotationDto(fields: Pick<AnnotationDto, "id" | "articleId" | "author"> & Partial<AnnotationDto>): AnnotationDto {
  return {
    kind: "claim",
    status: "unverified",
    verdict: null,
    target: { start: 0, end: 8, exact: "Baltique", prefix: "", suffix: "" },
    anchor: "anchored",
    note: "",
    rationale: "",
    sourceId: null,
    evidence: [],
    verdictBy: null,
    signedOffBy: null,
    signedOffAt: null,
    revision: 1,
    version: 1,
    createdAt: "2026-11-22T10:00:00.000Z",
    updatedAt: "2026-11-22T10:00:00.000Z",
    ...fields,
  };
}
