import type { AnnotationDto, AnnotationKind, AnnotationStatus, Verdict } from "@/lib/annotations/types";

export type VerdictFilter = Verdict | "none";

/** Sidebar filters; an empty list means "any". */
export interface AnnotationFilters {
  kinds: AnnotationKind[];
  statuses: AnnotationStatus[];
  verdicts: VerdictFilter[];
  authorId: string | null;
  /** Only the detached (orphaned) annotations. */
  detachedOnly: boolean;
}

export const NO_FILTERS: AnnotationFilters = { kinds: [], statuses: [], verdicts: [], authorId: null, detachedOnly: false };

export const isDetached = (a: AnnotationDto) => a.anchor === "orphaned" || a.target.start === null;

export function matchesFilters(a: AnnotationDto, f: AnnotationFilters): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(a.kind)) return false;
  if (f.statuses.length > 0 && !f.statuses.includes(a.status)) return false;
  if (f.verdicts.length > 0 && !f.verdicts.includes(a.verdict ?? "none")) return false;
  if (f.authorId && a.author.id !== f.authorId) return false;
  if (f.detachedOnly && !isDetached(a)) return false;
  return true;
}

export interface AnnotationCounts {
  total: number;
  kind: Record<string, number>;
  status: Record<string, number>;
  verdict: Record<string, number>;
  author: Record<string, number>;
  detached: number;
}

/** Counts over all annotations, one pass (they label the filter buttons). */
export function countAnnotations(list: readonly AnnotationDto[]): AnnotationCounts {
  const counts: AnnotationCounts = { total: list.length, kind: {}, status: {}, verdict: {}, author: {}, detached: 0 };
  const bump = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);
  for (const a of list) {
    bump(counts.kind, a.kind);
    bump(counts.status, a.status);
    bump(counts.verdict, a.verdict ?? "none");
    bump(counts.author, a.author.id);
    if (isDetached(a)) counts.detached++;
  }
  return counts;
}

/** The next annotation after `currentId` in `list` that satisfies `test`, wrapping around. */
export function nextMatching(list: readonly AnnotationDto[], currentId: string | null, step: 1 | -1, test: (a: AnnotationDto) => boolean = () => true): AnnotationDto | null {
  if (list.length === 0) return null;
  const at = currentId ? list.findIndex((a) => a.id === currentId) : -1;
  const from = at < 0 ? (step === 1 ? -1 : list.length) : at;
  for (let k = 1; k <= list.length; k++) {
    const candidate = list[(((from + step * k) % list.length) + list.length) % list.length];
    if (test(candidate)) return candidate;
  }
  return null;
}
