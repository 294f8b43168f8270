import type { AnnotationCounts } from "@/lib/articles/list-articles";

/** One "ArticleStats" row, or the sum of several (as the dashboard totals read them). */
export interface StatsRow {
  total: number;
  kindClaim: number;
  kindFigure: number;
  kindSource: number;
  statusUnverified: number;
  statusInProgress: number;
  statusInReview: number;
  statusVerified: number;
  verdictAccurate: number;
  verdictMostlyAccurate: number;
  verdictMisleading: number;
  verdictFalse: number;
  verdictUnverifiable: number;
  verdictNone: number;
  anchorDrifted: number;
  anchorOrphaned: number;
  checkable: number;
  checkableVerified: number;
}

export const STATS_COLUMNS: (keyof StatsRow)[] = [
  "total",
  "kindClaim",
  "kindFigure",
  "kindSource",
  "statusUnverified",
  "statusInProgress",
  "statusInReview",
  "statusVerified",
  "verdictAccurate",
  "verdictMostlyAccurate",
  "verdictMisleading",
  "verdictFalse",
  "verdictUnverifiable",
  "verdictNone",
  "anchorDrifted",
  "anchorOrphaned",
  "checkable",
  "checkableVerified",
];

export function statsToCounts(s: StatsRow): AnnotationCounts {
  return {
    total: s.total,
    byKind: { claim: s.kindClaim, figure: s.kindFigure, source: s.kindSource },
    byStatus: { unverified: s.statusUnverified, in_progress: s.statusInProgress, in_review: s.statusInReview, verified: s.statusVerified },
    byVerdict: {
      accurate: s.verdictAccurate,
      mostly_accurate: s.verdictMostlyAccurate,
      misleading: s.verdictMisleading,
      false: s.verdictFalse,
      unverifiable: s.verdictUnverifiable,
      none: s.verdictNone,
    },
    orphaned: s.anchorOrphaned,
    drifted: s.anchorDrifted,
    falseOrMisleading: s.verdictFalse + s.verdictMisleading,
    checkable: { total: s.checkable, verified: s.checkableVerified },
  };
}
