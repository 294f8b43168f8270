import { splitsSurrogatePair } from "./surrogates";

/**
 * A pure insertion or deletion can often sit in several places: deleting the paragraph
 * "Selon X…" before "Selon Y…" is, character for character, the same as deleting
 * "X…\n\nSelon " one word later. Trimming common heads picks the latter, which would leave
 * an annotation on the deleted "Selon" anchored on the next paragraph's. The edit is slid
 * to where its edges fall on the clearest boundaries (blank line, line, word), as
 * diff-match-patch's semantic cleanup does for its own diffs.
 */

/** How far an edit is slid at most (a run of the same character can be long). */
const MAX_SLIDE = 1_000;

function boundaryScore(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return 6;
  const before = text[at - 1];
  const after = text[at];
  if ((before === "\n" && text[at - 2] === "\n") || (after === "\n" && text[at + 1] === "\n")) return 5;
  if (before === "\n" || after === "\n") return 4;
  if (/\s/.test(before) || /\s/.test(after)) return 2;
  if (/[^\p{L}\p{N}\p{M}]/u.test(before) || /[^\p{L}\p{N}\p{M}]/u.test(after)) return 1;
  return 0;
}

/**
 * The shift, within [min, max], that moves the edit [start, end) of `text` (the text
 * that contains it) to its best boundaries. Shifting by k is the same edit as long as the
 * characters it passes over repeat the edit's own.
 */
export function bestSlide(text: string, start: number, end: number, min: number, max: number): number {
  let lo = 0;
  while (lo > Math.max(min, -MAX_SLIDE) && text[start + lo - 1] === text[end + lo - 1]) lo--;
  let hi = 0;
  while (hi < Math.min(max, MAX_SLIDE) && text[start + hi] === text[end + hi]) hi++;
  let best = 0;
  let bestScore = -1;
  for (let k = lo; k <= hi; k++) {
    if (splitsSurrogatePair(text, start + k) || splitsSurrogatePair(text, end + k)) continue;
    const score = boundaryScore(text, start + k) + boundaryScore(text, end + k);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}
