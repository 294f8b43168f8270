import search from "approx-string-match";
import { editDistanceWithin } from "./edit-distance";
import { expandToGraphemes } from "./grapheme-boundaries";
import { MIN_TEXT_SCORE, scoreQuoteCandidate } from "./score-quote-candidate";
import type { TextQuoteSelector, TextRange } from "./types";
import { widenToWords } from "./word-boundaries";

/**
 * Fuzzy search for a quote whose text changed (approx-string-match, Myers' bit-parallel
 * algorithm, which has no pattern length limit). Only a window around the expected
 * position is searched first; the whole text only if nothing acceptable is there.
 */

/** Up to a quarter of the quote's characters may differ... */
const MAX_ERROR_RATIO = 0.25;
/** ...but no more than this many: past it a long passage was rewritten, not corrected. */
const MAX_ERRORS = 128;
function maxErrorsFor(exact: string): number {
  return Math.min(MAX_ERRORS, Math.floor(exact.length * MAX_ERROR_RATIO));
}

/** Text searched on each side of the expected range before trying the whole text. */
const WINDOW_MARGIN = 1_000;
/**
 * approx-string-match reports only the matches with the fewest errors. When those are all
 * refused (an exact copy of "230.000" in another sentence), they are masked out and the
 * search repeated, so the corrected "280.000" in the quote's own sentence is still seen.
 */
const SEARCH_ROUNDS = 3;
const MASK = "\uffff";
/** Candidates scored per round, the nearest to the expected position first. */
const MAX_CANDIDATES = 64;

export interface QuoteMatch extends TextRange {
  textScore: number;
}

type Candidate = TextRange & { errors: number };

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
function settle(text: string, start: number, end: number, errors: number, quote: TextQuoteSelector): Candidate {
  const whole = expandToGraphemes(text, start, end);
  const words = widenToWords(text, { ...whole, errors }, quote);
  return { ...expandToGraphemes(text, words.start, words.end), errors: words.errors };
}

/**
 * Every match of the quote in `region` (which starts at `offset` in `text`), nearest
 * first. Matches that end up on the same range keep their fewest errors.
 */
function candidatesOf(text: string, region: string, offset: number, quote: TextQuoteSelector, maxErrors: number, near: number | null): Candidate[] {
  const byRange = new Map<string, Candidate>();
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
function mappedCandidate(text: string, expected: TextRange, quote: TextQuoteSelector, maxErrors: number): Candidate | null {
  if (expected.end <= expected.start) return null;
  const { start, end } = settle(text, expected.start, expected.end, 0, quote);
  const errors = editDistanceWithin(quote.exact, text.slice(start, end), maxErrors);
  return errors === null ? null : { start, end, errors };
}

function maskOut(region: string, offset: number, ranges: TextRange[]): string {
  const sorted = ranges
    .map(({ start, end }) => ({ from: Math.max(0, start - offset), to: Math.min(region.length, end - offset) }))
    .sort((a, b) => a.from - b.from);
  const parts: string[] = [];
  let at = 0;
  for (const { from, to } of sorted) {
    const start = Math.max(at, from);
    if (to <= start) continue;
    parts.push(region.slice(at, start), MASK.repeat(to - start));
    at = to;
  }
  parts.push(region.slice(at));
  return parts.join("");
}

export interface QuoteSearch {
  /** Where the diff maps the quote's old range; null for an orphan, which has no position. */
  expected: TextRange | null;
  /** Places the caller rules out before scoring (see reanchor.ts). */
  admissible?: (range: TextRange) => boolean;
}

function bestIn(text: string, from: number, to: number, quote: TextQuoteSelector, search: QuoteSearch): QuoteMatch | null {
  const maxErrors = maxErrorsFor(quote.exact);
  const near = search.expected?.start ?? null;
  let region = text.slice(from, to);
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    const candidates = candidatesOf(text, region, from, quote, maxErrors, near);
    if (candidates.length === 0) return null;
    let best: (QuoteMatch & { rank: number }) | null = null;
    for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
      if (search.admissible && !search.admissible(candidate)) continue;
      const { textScore, rank } = scoreQuoteCandidate(text, candidate, quote, near);
      if (textScore >= MIN_TEXT_SCORE && (!best || rank > best.rank)) {
        best = { start: candidate.start, end: candidate.end, textScore, rank };
      }
    }
    if (best) return { start: best.start, end: best.end, textScore: best.textScore };
    region = maskOut(region, from, candidates);
  }
  return null;
}

/**
 * The best acceptable place for `quote` in `text`, or null. Cheapest evidence first: what
 * now stands where the diff put the quote; then a search near there; then everywhere.
 */
export function findQuoteMatch(text: string, quote: TextQuoteSelector, search: QuoteSearch): QuoteMatch | null {
  if (quote.exact.length === 0) return null;
  const { expected } = search;
  if (expected) {
    const mapped = mappedCandidate(text, expected, quote, maxErrorsFor(quote.exact));
    if (mapped) {
      const { textScore } = scoreQuoteCandidate(text, mapped, quote, expected.start);
      if (textScore >= MIN_TEXT_SCORE) return { start: mapped.start, end: mapped.end, textScore };
    }
    const margin = Math.max(WINDOW_MARGIN, quote.exact.length);
    const from = Math.max(0, expected.start - margin);
    const to = Math.min(text.length, expected.end + margin);
    const nearby = bestIn(text, from, to, quote, search);
    if (nearby || (from === 0 && to === text.length)) return nearby;
  }
  return bestIn(text, 0, text.length, quote, search);
}
