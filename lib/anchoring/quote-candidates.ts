import search from "approx-string-match";
import { editDistanceWithin } from "./edit-distance";
import { expandToGraphemes } from "./grapheme-boundaries";
import type { TextQuoteSelector, TextRange } from "./types";
import { widenToWords } from "./word-boundaries";

/**
 * Places where a changed quote may now be: approximate matches (approx-string-match,
 * Myers' bit-parallel algorithm, no pattern length limit) and what stands where the diff
 * put the old quote. Every candidate is on whole characters and whole words.
 */

export type QuoteCandidate = TextRange & { errors: number };

/** Up to a quarter of the quote's characters may differ... */
const MAX_ERROR_RATIO = 0.25;
/** ...but no more than this many: past it a long passage was rewritten, not corrected. */
const MAX_ERRORS = 128;

export function maxErrorsFor(exact: string): number {
  return Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATIO));
}

function reversed(text: string): string {
  return text.split("").reverse().join("");
}

/**
 * Every start from which the quote matches up to `end` with `errors` errors. The library
 * reports only the leftmost, which may take in a character just before the quote (a
 * line break standing in for an edited first letter); the context decides between them.
 */
function startsBefore(region: string, end: number, quote: string, errors: number): number[] {
  const from = Math.max(0, end - quote.length - errors);
  const matches = search(reversed(region.slice(from, end)), reversed(quote), errors);
  return [...new Set(matches.filter((m) => m.errors === errors).map((m) => end - m.end))];
}

/** A raw range on whole characters and whole words (see word-boundaries.ts). */
function settle(text: string, start: number, end: number, errors: number, quote: TextQuoteSelector): QuoteCandidate {
  const whole = expandToGraphemes(text, start, end);
  const words = widenToWords(text, { ...whole, errors }, quote);
  return { ...expandToGraphemes(text, words.start, words.end), errors: words.errors };
}

/**
 * Every approximate match of the quote in `region` (which starts at `offset` in `text`)
 * with the fewest errors there, nearest to `near` first. Matches that end up on the same
 * range keep their fewest errors.
 */
export function searchCandidates(
  text: string,
  region: string,
  offset: number,
  quote: TextQuoteSelector,
  near: number | null,
): QuoteCandidate[] {
  const maxErrors = maxErrorsFor(quote.exact);
  const byRange = new Map<string, QuoteCandidate>();
  for (const match of search(region, quote.exact, maxErrors)) {
    for (const start of startsBefore(region, match.end, quote.exact, match.errors)) {
      const candidate = settle(text, offset + start, offset + match.end, match.errors, quote);
      const key = `${candidate.start}:${candidate.end}`;
      const known = byRange.get(key);
      if (candidate.end > candidate.start && (!known || candidate.errors < known.errors)) byRange.set(key, candidate);
    }
  }
  const found = [...byRange.values()];
  if (near !== null) found.sort((a, b) => Math.abs(a.start - near) - Math.abs(b.start - near));
  return found;
}

/**
 * What now stands where the diff put the quote's old text, if it is within the error
 * budget. Most drifts are edits inside the quote (a typo, a figure). Taking this first
 * also avoids a trap of the search: counting in code units, an edited emoji costs up to
 * four errors, and a cut-down match that leaves the edit out can then outscore the whole.
 */
export function mappedCandidate(text: string, expected: TextRange, quote: TextQuoteSelector): QuoteCandidate | null {
  if (expected.end <= expected.start) return null;
  const { start, end } = settle(text, expected.start, expected.end, 0, quote);
  const errors = editDistanceWithin(quote.exact, text.slice(start, end), maxErrorsFor(quote.exact));
  return errors === null ? null : { start, end, errors };
}
