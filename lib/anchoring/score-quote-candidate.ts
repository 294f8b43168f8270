import { BLOCK_SEPARATOR } from "./canonical-text";
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
 * Minimum text evidence for a drifted anchor. On the corpus, unrelated context scores
 * 0.24 on average (99th percentile 0.41), so an exact copy of a quote in an unrelated
 * sentence scores about 0.62–0.70 and is refused; a quote with a quarter of its characters
 * changed, in its own context, scores 0.875; half its characters changed (the most a
 * word-widened match can carry) in a context intact on both sides, exactly 0.75.
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
/**
 * A short quote must have its context on both sides, each above what unrelated text
 * scores. Without it, a figure or a word at the start of a deleted paragraph would pass on
 * one side alone: that paragraph's break is still there, in front of the next paragraph.
 */
const SHORT_QUOTE_MIN_CONTEXT = 0.5;
/** Score of a side with nothing stored to compare (the quote stood at an edge) and no edge now. */
const UNKNOWN_CONTEXT = 0.5;

export interface CandidateScore {
  /** Quote and context evidence, 0–1, compared with MIN_TEXT_SCORE. */
  textScore: number;
  /** textScore plus closeness to the expected position; the best candidate has the highest. */
  rank: number;
}

/**
 * One side of the context. Only the part inside the quote's own paragraph counts:
 * paragraphs move, and the end of whichever paragraph comes before is not this passage's
 * context. A paragraph break is an edge, like the start or end of the text.
 */
function contextScore(text: string, at: number, stored: string, side: "prefix" | "suffix"): number {
  const breakAt = side === "prefix" ? stored.lastIndexOf(BLOCK_SEPARATOR) : stored.indexOf(BLOCK_SEPARATOR);
  const own = breakAt < 0 ? stored : side === "prefix" ? stored.slice(breakAt + BLOCK_SEPARATOR.length) : stored.slice(0, breakAt);
  if (own.length > 0) return side === "prefix" ? prefixSimilarity(text, at, own) : suffixSimilarity(text, at, own);
  const atEdge =
    side === "prefix"
      ? at === 0 || text.startsWith(BLOCK_SEPARATOR, at - BLOCK_SEPARATOR.length)
      : at === text.length || text.startsWith(BLOCK_SEPARATOR, at);
  return atEdge ? 1 : UNKNOWN_CONTEXT;
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
  const prefix = Math.max(selfEvidence, contextScore(text, candidate.start, quote.prefix, "prefix"));
  const suffix = Math.max(selfEvidence, contextScore(text, candidate.end, quote.suffix, "suffix"));
  const oneSided = length < SHORT_QUOTE && Math.min(prefix, suffix) < SHORT_QUOTE_MIN_CONTEXT;
  const textScore = oneSided ? 0 : QUOTE_WEIGHT * quoteSimilarity + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix;
  const closeness =
    expectedStart === null ? 0 : 1 - Math.min(1, Math.abs(candidate.start - expectedStart) / Math.max(1, text.length));
  return { textScore, rank: textScore + POSITION_WEIGHT * closeness };
}
