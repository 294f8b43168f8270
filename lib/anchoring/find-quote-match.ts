import { mappedCandidate, searchCandidates, type QuoteCandidate } from "./quote-candidates";
import { MIN_TEXT_SCORE, scoreQuoteCandidate } from "./score-quote-candidate";
import type { TextQuoteSelector, TextRange } from "./types";

/**
 * Finding a quote whose text changed. Cheapest evidence first: what now stands where the
 * diff put the quote; then a search in a window around there; then a search of the rest
 * of the places the quote may be.
 */

/** Text searched on each side of where the quote should be, before looking further. */
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

/**
 * Code units of text that searches beyond the window may scan (each round counts), shared
 * by all the annotations of one re-anchoring. A 20,000-word article is ~120,000 code
 * units: the budget allows some 250 scans of it, about a second, so a revision that
 * rewrites everything cannot take minutes. Annotations that come after it is spent are
 * looked for near their old place only, and are orphaned if not found there.
 */
export class SearchBudget {
  constructor(private remaining = 30_000_000) {}

  spend(units: number): boolean {
    if (units > this.remaining) return false;
    this.remaining -= units;
    return true;
  }
}

export interface QuoteSearch {
  /** Where the diff maps the quote's old range; null for an orphan, which has no position. */
  expected: TextRange | null;
  /** Places ruled out before scoring (see reanchor.ts). */
  admissible?: (range: TextRange) => boolean;
  /** Where to search beyond the window; the whole text by default. */
  beyond?: TextRange[];
  budget?: SearchBudget;
}

export interface QuoteMatch extends TextRange {
  textScore: number;
  rank: number;
}

function best(text: string, candidates: QuoteCandidate[], quote: TextQuoteSelector, search: QuoteSearch): QuoteMatch | null {
  let found: QuoteMatch | null = null;
  for (const candidate of candidates) {
    if (search.admissible && !search.admissible(candidate)) continue;
    const { textScore, rank } = scoreQuoteCandidate(text, candidate, quote, search.expected?.start ?? null);
    if (textScore >= MIN_TEXT_SCORE && (!found || rank > found.rank)) {
      found = { start: candidate.start, end: candidate.end, textScore, rank };
    }
  }
  return found;
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

/** Searches `text` between `start` and `end`; a `budget` is charged for every round. */
function searchRegion(text: string, { start, end }: TextRange, quote: TextQuoteSelector, search: QuoteSearch, budget?: SearchBudget): QuoteMatch | null {
  let region = text.slice(start, end);
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    if (budget && !budget.spend(region.length)) return null;
    const candidates = searchCandidates(text, region, start, quote, search.expected?.start ?? null);
    if (candidates.length === 0) return null;
    const found = best(text, candidates.slice(0, MAX_CANDIDATES), quote, search);
    if (found) return found;
    region = maskOut(region, start, candidates);
  }
  return null;
}

/** The best acceptable place for `quote` in `text`, or null. */
export function findQuoteMatch(text: string, quote: TextQuoteSelector, search: QuoteSearch): QuoteMatch | null {
  if (quote.exact.length === 0) return null;
  const { expected } = search;
  let window: TextRange | null = null;
  if (expected) {
    const mapped = mappedCandidate(text, expected, quote);
    const atMapped = mapped && best(text, [mapped], quote, search);
    if (atMapped) return atMapped;
    // Around where the quote starts: a rewritten passage maps to one long range, and
    // where in it the quote went is anybody's guess; that is a search beyond.
    const margin = Math.max(WINDOW_MARGIN, quote.exact.length);
    const windowEnd = Math.min(expected.end, expected.start + quote.exact.length) + margin;
    window = { start: Math.max(0, expected.start - margin), end: Math.min(text.length, windowEnd) };
    const nearby = searchRegion(text, window, quote, search);
    if (nearby) return nearby;
  }
  let found: QuoteMatch | null = null;
  for (const region of search.beyond ?? [{ start: 0, end: text.length }]) {
    if (window && window.start <= region.start && region.end <= window.end) continue;
    const match = searchRegion(text, region, quote, search, search.budget);
    if (match && (!found || match.rank > found.rank)) found = match;
  }
  return found;
}
