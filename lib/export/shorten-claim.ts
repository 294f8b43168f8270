const ELLIPSIS = "…";
/** Punctuation that reads badly right before an ellipsis. */
const DANGLING = /[\s,;:.\-–—(«“‘"'/]+$/u;

function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
}

/**
 * A claim cut to at most `max` code points (Google shows about 75 without wrapping on a
 * phone), ellipsis included. The cut falls on an ordinary space: a no-break space (as in
 * "87 %" or "15 902") is typed precisely so that its two sides stay together. A single
 * word longer than the budget is cut between graphemes, never inside a flag or an emoji
 * with its skin tone.
 */
export function shortenClaim(text: string, max = 75): string {
  const clean = text.replace(/[ \t\r\n]+/g, " ").trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const budget = max - 1;
  let cut = -1;
  for (let i = budget; i > 0; i--) {
    if (chars[i] === " ") {
      cut = i;
      break;
    }
  }
  let kept: string;
  if (cut > 0) kept = chars.slice(0, cut).join("");
  else {
    kept = "";
    let used = 0;
    for (const g of graphemes(clean)) {
      const size = Array.from(g).length;
      if (used + size > budget) break;
      kept += g;
      used += size;
    }
  }
  const trimmed = kept.replace(DANGLING, "");
  return (trimmed || kept) + ELLIPSIS;
}
