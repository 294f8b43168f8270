import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnnotationDto, AnnotationKind, AnnotationStatus, AnchorState, Verdict } from "./types";

export const annotationInclude = {
  author: { select: { id: true, name: true } },
  verdictBy: { select: { id: true, name: true } },
  signedOffBy: { select: { id: true, name: true } },
  evidence: { orderBy: { position: "asc" } },
} satisfies Prisma.AnnotationInclude;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;

const lower = <T extends string>(value: string) => value.toLowerCase() as T;
export const upper = <T extends string>(value: string) => value.toUpperCase() as T;

export function toAnnotationDto(row: AnnotationRow): AnnotationDto {
  return {
    id: row.id,
    articleId: row.articleId,
    kind: lower<AnnotationKind>(row.kind),
    status: lower<AnnotationStatus>(row.status),
    verdict: row.verdict ? lower<Verdict>(row.verdict) : null,
    target: { start: row.start, end: row.end, exact: row.exact, prefix: row.prefix, suffix: row.suffix },
    anchor: lower<AnchorState>(row.anchor),
    note: row.note,
    rationale: row.rationale,
    sourceId: row.sourceId,
    evidence: row.evidence.map((e) => ({ url: e.url, title: e.title, quote: e.quote, note: e.note })),
    author: row.author,
    verdictBy: row.verdictBy,
    signedOffBy: row.signedOffBy,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
    revision: row.revision,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
