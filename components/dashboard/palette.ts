import type { AnnotationStatus, Verdict } from "@/lib/annotations/types";

export type VerdictOrNone = Verdict | "none";

export const STATUS_ORDER: AnnotationStatus[] = ["unverified", "in_progress", "in_review", "verified"];
export const VERDICT_ORDER: VerdictOrNone[] = ["accurate", "mostly_accurate", "misleading", "false", "unverifiable", "none"];

/** Colours of the status bars and chart (hex for recharts, classes for HTML). Always shown with a text label. */
export const STATUS_COLOUR: Record<AnnotationStatus, { hex: string; bg: string }> = {
  unverified: { hex: "#d6d3d1", bg: "bg-stone-300" },
  in_progress: { hex: "#38bdf8", bg: "bg-sky-400" },
  in_review: { hex: "#f59e0b", bg: "bg-amber-500" },
  verified: { hex: "#059669", bg: "bg-emerald-600" },
};

/**
 * Verdict colours, each with its own underline style for highlights, so that a reader who
 * cannot tell the colours apart still can (the legend names both).
 */
export const VERDICT_COLOUR: Record<VerdictOrNone, { hex: string; bg: string; highlight: string }> = {
  accurate: { hex: "#059669", bg: "bg-emerald-600", highlight: "bg-emerald-100 decoration-emerald-700 decoration-solid" },
  mostly_accurate: { hex: "#65a30d", bg: "bg-lime-600", highlight: "bg-lime-100 decoration-lime-700 decoration-double" },
  misleading: { hex: "#d97706", bg: "bg-amber-600", highlight: "bg-amber-100 decoration-amber-700 decoration-dashed" },
  false: { hex: "#dc2626", bg: "bg-red-600", highlight: "bg-red-100 decoration-red-700 decoration-wavy" },
  unverifiable: { hex: "#7c3aed", bg: "bg-violet-600", highlight: "bg-violet-100 decoration-violet-700 decoration-dotted" },
  none: { hex: "#a8a29e", bg: "bg-stone-400", highlight: "bg-stone-200 decoration-stone-500 decoration-solid" },
};

/** How bad a verdict is, to pick the colour of a stretch several findings cover. */
export const VERDICT_SEVERITY: Record<VerdictOrNone, number> = {
  false: 5,
  misleading: 4,
  unverifiable: 3,
  none: 2,
  mostly_accurate: 1,
  accurate: 0,
};
