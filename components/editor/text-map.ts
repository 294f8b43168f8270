import type { Node as PmNode } from "@tiptap/pm/model";
import { canonicalText, type CanonicalText } from "@/lib/anchoring/canonical-text";
import { codePointIndex, type CodePointIndex } from "@/lib/anchoring/code-points";
import { isGraphemeBoundary } from "@/lib/anchoring/grapheme-boundaries";
import { posRangeToTextRange, textRangeToPosRange, type PosRange } from "@/lib/anchoring/positions";
import { buildQuoteSelector } from "@/lib/anchoring/quote-selector";
import type { TextQuoteSelector } from "@/lib/anchoring/types";

/**
 * The boundary between the API (code point offsets into the canonical text) and the
 * editor (ProseMirror positions). Built once per document.
 */
export interface TextMap {
  /** The canonical text (JS string). */
  readonly text: string;
  readonly canonical: CanonicalText;
  readonly codePoints: CodePointIndex;
  /** Editor range of a code point range. */
  toPosRange(start: number, end: number): PosRange;
  /** Code point range of an editor range (ends snap inside blocks). */
  toOffsets(from: number, to: number): { start: number; end: number };
  /** The text between two code point offsets. */
  quote(start: number, end: number): string;
  /** The W3C quote selector (exact, prefix, suffix) of a code point range. */
  selector(start: number, end: number): TextQuoteSelector;
  /** The code point offset one visible character before or after `offset`, skipping block separators. */
  step(offset: number, direction: -1 | 1): number;
}

export function textMap(doc: PmNode): TextMap {
  const canonical = canonicalText(doc);
  const { text, segments } = canonical;
  const codePoints = codePointIndex(text);
  const insideBlock = (unit: number) => segments.some((s) => unit >= s.offset && unit <= s.offset + s.length);
  return {
    text,
    canonical,
    codePoints,
    toPosRange(start, end) {
      return textRangeToPosRange(canonical, codePoints.toCodeUnit(start), codePoints.toCodeUnit(end));
    },
    toOffsets(from, to) {
      const range = posRangeToTextRange(canonical, from, to);
      return { start: codePoints.toCodePoint(range.start), end: codePoints.toCodePoint(range.end) };
    },
    quote(start, end) {
      return text.slice(codePoints.toCodeUnit(start), codePoints.toCodeUnit(end));
    },
    selector(start, end) {
      return buildQuoteSelector(text, codePoints.toCodeUnit(start), codePoints.toCodeUnit(end));
    },
    step(offset, direction) {
      let unit = codePoints.toCodeUnit(offset);
      do {
        unit += direction;
      } while (unit > 0 && unit < text.length && (!isGraphemeBoundary(text, unit) || !insideBlock(unit)));
      return codePoints.toCodePoint(Math.max(0, Math.min(text.length, unit)));
    },
  };
}

/** Shrinks an offset range so it neither starts nor ends with white space (a double-click picks up a trailing space). */
export function trimRange(map: TextMap, start: number, end: number): { start: number; end: number } {
  let from = map.codePoints.toCodeUnit(start);
  let to = map.codePoints.toCodeUnit(end);
  while (from < to && /\s/.test(map.text[from])) from++;
  while (to > from && /\s/.test(map.text[to - 1])) to--;
  return { start: map.codePoints.toCodePoint(from), end: map.codePoints.toCodePoint(to) };
}
