import type { TextRange } from "./types";

/**
 * Grapheme cluster boundaries (what a reader sees as one character: 🇷🇺, 👍🏽, e + U+0301).
 * A highlight that ends between "e" and its accent, or between the two letters of a flag,
 * would draw half a character; fuzzy matches are widened to whole clusters instead.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Context segmented around an offset. Clusters longer than this (stacks of dozens of
 * combining marks) are not text a newsroom publishes; at worst such a cluster is cut.
 */
const WINDOW = 64;

/** Below U+0300 nothing extends or prefixes a cluster, so most Latin text needs no ICU call. */
function obviousBoundary(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before < 0x300 && after < 0x300 && !(before === 0x0d && after === 0x0a);
}

/** The last cluster boundary at or before `offset`, and the first one at or after it. */
function boundariesAround(text: string, offset: number): { floor: number; ceil: number } {
  if (offset <= 0 || offset >= text.length || obviousBoundary(text, offset)) {
    const at = Math.max(0, Math.min(offset, text.length));
    return { floor: at, ceil: at };
  }
  let from = Math.max(0, offset - WINDOW);
  // Never start the window on the second half of a surrogate pair.
  if (from > 0 && (text.charCodeAt(from) & 0xfc00) === 0xdc00) from -= 1;
  const to = Math.min(text.length, offset + WINDOW);
  let floor = from;
  for (const { index } of segmenter.segment(text.slice(from, to))) {
    const at = from + index;
    if (at === offset) return { floor: at, ceil: at };
    if (at > offset) return { floor, ceil: at };
    floor = at;
  }
  return { floor, ceil: to };
}

export function isGraphemeBoundary(text: string, offset: number): boolean {
  return boundariesAround(text, offset).floor === offset;
}

/** The smallest range of whole grapheme clusters that contains [start, end). */
export function expandToGraphemes(text: string, start: number, end: number): TextRange {
  const from = boundariesAround(text, start).floor;
  return { start: from, end: Math.max(from, boundariesAround(text, end).ceil) };
}
