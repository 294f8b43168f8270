import { codePointIndex } from "@/lib/anchoring/code-points";

export interface HighlightSegment {
  text: string;
  /** Ids of the annotations covering this stretch, in the order given. */
  ids: string[];
}

/**
 * Cuts the canonical text into stretches covered by the same set of annotations, so that
 * overlapping highlights can be drawn without nesting. Targets are code point offsets (API
 * convention), converted to string offsets here; orphans (no position) and targets outside
 * the text are left out.
 */
export function highlightSegments(text: string, targets: { id: string; start: number | null; end: number | null }[]): HighlightSegment[] {
  const index = codePointIndex(text);
  const spans = targets.flatMap((t) => {
    if (t.start === null || t.end === null || t.start >= t.end || t.start < 0 || t.end > index.length) return [];
    return [{ id: t.id, from: index.toCodeUnit(t.start), to: index.toCodeUnit(t.end) }];
  });
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.from, s.to])])].sort((a, b) => a - b);
  const segments: HighlightSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i];
    const to = cuts[i + 1];
    const ids = spans.filter((s) => s.from <= from && s.to >= to).map((s) => s.id);
    const last = segments.at(-1);
    if (last && last.ids.join() === ids.join()) last.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), ids });
  }
  return segments;
}
