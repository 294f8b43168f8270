import type { CanonicalText, TextSegment } from "./canonical-text";
import type { TextRange } from "./types";

/**
 * Canonical text offsets (code units) ↔ ProseMirror positions. Inside a textblock the two
 * move in step (one character, one position; a hard break is "\n" and one position), so a
 * conversion is a binary search for the segment and an addition.
 */

/** Which way an offset or position that falls between two blocks should snap. */
export type BoundarySide = "start" | "end";

export interface PosRange {
  from: number;
  to: number;
}

/** Index of the last segment whose `key` is ≤ `value`, or -1. */
function lastSegmentAtOrBefore(
  segments: TextSegment[],
  key: (segment: TextSegment) => number,
  value: number,
): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(segments[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The editor position of a text offset. An offset inside a block separator ("\n\n") goes
 * to the start of the next block for side "start" (a range starting there begins with the
 * next block's text) and to the end of the previous block for side "end". Offsets outside
 * the text are clamped, so a stale annotation can never throw inside an editor transaction.
 */
export function textOffsetToPos(ct: CanonicalText, offset: number, side: BoundarySide = "start"): number {
  const { segments } = ct;
  if (segments.length === 0) return 0;
  const at = Math.max(0, Math.min(offset, ct.text.length));
  const index = Math.max(0, lastSegmentAtOrBefore(segments, (s) => s.offset, at));
  const segment = segments[index];
  if (at <= segment.offset + segment.length) return segment.pos + (at - segment.offset);
  const next = segments[index + 1];
  if (side === "end" || !next) return segment.pos + segment.length;
  return next.pos;
}

/**
 * The text offset of an editor position. A position between blocks (or before the first,
 * or after the last) maps to the nearest block boundary; `side` forces the end of the
 * previous block ("end") or the start of the next ("start") instead.
 */
export function posToTextOffset(ct: CanonicalText, pos: number, side?: BoundarySide): number {
  const { segments } = ct;
  if (segments.length === 0) return 0;
  const index = lastSegmentAtOrBefore(segments, (s) => s.pos, pos);
  if (index < 0) return segments[0].offset;
  const segment = segments[index];
  const blockEnd = segment.pos + segment.length;
  if (pos <= blockEnd) return segment.offset + (pos - segment.pos);
  const next = segments[index + 1];
  const previousEnd = segment.offset + segment.length;
  if (!next) return previousEnd;
  if (side === "end") return previousEnd;
  if (side === "start") return next.offset;
  return pos - blockEnd <= next.pos - pos ? previousEnd : next.offset;
}

/** Editor range of a text range; a range that covers only a separator collapses. */
export function textRangeToPosRange(ct: CanonicalText, start: number, end: number): PosRange {
  const from = textOffsetToPos(ct, start, "start");
  const to = textOffsetToPos(ct, end, "end");
  return { from, to: Math.max(from, to) };
}

/**
 * Text range of an editor range. Its ends snap inwards, so selecting whole blocks (a
 * node selection of a list, say) does not pull in the separators around them.
 */
export function posRangeToTextRange(ct: CanonicalText, from: number, to: number): TextRange {
  if (from === to) {
    const at = posToTextOffset(ct, from);
    return { start: at, end: at };
  }
  const start = posToTextOffset(ct, Math.min(from, to), "start");
  const end = posToTextOffset(ct, Math.max(from, to), "end");
  return { start, end: Math.max(start, end) };
}
