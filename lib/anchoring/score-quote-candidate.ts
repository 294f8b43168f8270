import { prefixSimilarity, suffixSimilarity } from "./context-similarity";
import type { TextQuoteSelector, TextRange } from "./types";

/**
 * Scoring of a place where a quote was found again after the text changed. The text
 * evidence (quote, prefix, suffix) decides whether the place is acceptable at all;
 * closeness to where the diff says the quote should be only ranks acceptable places, so
 * being near the old spot can never make an unrelated passage acceptable.
 */

/**
 * The quote is what the reviewer annotated, so it weighs as much as both contexts
 * together; the contexts are what tell a re-worded claim from another sentence that
 * happens to share its words (figures, names, "selon le ministère" recur in every article).
 */
export const QUOTE_WEIGHT = 0.5;
export const PREFIX_WEIGHT = 0.25;
export const SUFFIX_WEIGHT = 0.25;
/**
 * Small, a tie-breaker: between two equally good places (a sentence repeated in the
 * article), prefer the one the diff points at.
 */
export const POSITION_WEIGHT = 0.1;
/**
 * Minimum text evidence for a drifted anchor. An exact copy of a short quote elsewhere,
 * with unrelated context (similarity ≈ 0.3–0.45 for news prose), scores 0.65–0.72 and is
 * refused; a quote with a quarter of its characters changed in its own unchanged context
 * scores 0.875; a re-worded quote (0.8) whose context was half re-worded too (0.6) scores
 * 0.7 and is refused: at that point a person should re-attach it.
 */
export const MIN_TEXT_SCORE = 0.75;

/**
 * Below SHORT_QUOTE characters a quote recurs too easily to vouch for itself and its
 * context must agree; from LONG_QUOTE characters on, a passage found with at most a quarter
 * of its characters changed is itself the evidence (a moved paragraph keeps its anchor
 * even though everything around it is new). In between, linearly.
 */
const SHORT_QUOTE = 32;
const LONG_QUOTE = 96;
/** A quote at the very start (or end) of the text stored no context on that side. */
const UNKNOWN_CONTEXT = 0.5;
/**
 * A short quote must have its context on both sides, each above what unrelated text
 * scores (mean 0.24, 99th percentile 0.41 on the corpus). Without it, a figure or a word at
 * the start of a deleted paragraph would pass on its prefix alone: that prefix, the end of
 * the previous paragraph, is still there, now in front of the next paragraph.
 */
const SHORT_QUOTE_MIN_CONTEXT = 0.5;

export interface CandidateScore {
  /** Quote and context evidence, 0–1, compared with MIN_TEXT_SCORE. */
  textScore: number;
  /** textScore plus closeness to the expected position; the best candidate has the highest. */
  rank: number;
}

function contextScore(similarity: number, stored: string, atTextEdge: boolean, selfEvidence: number): number {
  const raw = stored.length > 0 ? similarity : atTextEdge ? 1 : UNKNOWN_CONTEXT;
  return Math.max(raw, selfEvidence);
}

export function scoreQuoteCandidate(
  text: string,
  candidate: TextRange & { errors: number },
  quote: TextQuoteSelector,
  expectedStart: number | null,
): CandidateScore {
  const length = quote.exact.length;
  const quoteSimilarity = Math.max(0, 1 - candidate.errors / length);
  const lengthTrust = Math.min(1, Math.max(0, (length - SHORT_QUOTE) / (LONG_QUOTE - SHORT_QUOTE)));
  const selfEvidence = quoteSimilarity * lengthTrust;
  const prefix = contextScore(
    quote.prefix ? prefixSimilarity(text, candidate.start, quote.prefix) : 0,
    quote.prefix,
    candidate.start === 0,
    selfEvidence,
  );
  const suffix = contextScore(
    quote.suffix ? suffixSimilarity(text, candidate.end, quote.suffix) : 0,
    quote.suffix,
    candidate.end === text.length,
    selfEvidence,
  );
  const oneSided = length < SHORT_QUOTE && Math.min(prefix, suffix) < SHORT_QUOTE_MIN_CONTEXT;
  const textScore = oneSided ? 0 : QUOTE_WEIGHT * quoteSimilarity + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix;
  const closeness =
    expectedStart === null ? 0 : 1 - Math.min(1, Math.abs(candidate.start - expectedStart) / Math.max(1, text.length));
  return { textScore, rank: textScore + POSITION_WEIGHT * closeness };
}
