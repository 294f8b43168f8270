import type { TextChange } from "./text-diff";

/**
 * Which end of a range an offset is. Ranges do not grow to take in text inserted right at
 * their edges (typing just after a highlighted figure must not extend the highlight), and
 * an edge that falls inside replaced text moves outwards, over the whole replacement, so
 * that the mapped range still covers whatever now stands where the quote was.
 */
export type RangeEdge = "start" | "end";

/** Index of the last change that starts at or before `offset`, or -1. */
function lastChangeAtOrBefore(changes: readonly TextChange[], offset: number): number {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid].oldStart <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Maps an offset of the old text to the new text through the changes of `diffTexts`. */
export function mapOffsetThroughDiff(changes: readonly TextChange[], offset: number, edge: RangeEdge): number {
  const index = lastChangeAtOrBefore(changes, offset);
  if (index < 0) return offset;
  const change = changes[index];
  if (offset > change.oldEnd) return change.newEnd + (offset - change.oldEnd);
  if (change.oldStart === change.oldEnd) return edge === "start" ? change.newEnd : change.newStart;
  if (offset === change.oldStart) return change.newStart;
  if (offset === change.oldEnd) return change.newEnd;
  return edge === "start" ? change.newStart : change.newEnd;
}

/** Whether [start, end) of the new text contains text that the changes inserted. */
export function overlapsInsertedText(changes: readonly TextChange[], start: number, end: number): boolean {
  // Changes are in order in the new text too: find the first that ends after `start`.
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid].newEnd <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < changes.length && changes[i].newStart < end; i++) {
    if (changes[i].newEnd > changes[i].newStart) return true;
  }
  return false;
}
