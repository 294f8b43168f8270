import { isGraphemeBoundary } from "./grapheme-boundaries";
import { foldForQuoteMatch, unfoldRange } from "./quote-folding";
import { stepBackCodePoints, stepForwardCodePoints } from "./surrogates";
import type { TextQuoteSelector, TextRange } from "./types";

/** Context kept on each side of a quote, in code points (as Hypothesis and the W3C model use). */
export const QUOTE_CONTEXT_CODE_POINTS = 32;

export interface QuoteQuery {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface QuoteFailure {
  error: "quote_not_found" | "quote_ambiguous";
  message: string;
}

/** Offsets are JS string offsets; the API converts them to code points. */
export function buildQuoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(stepBackCodePoints(text, start, QUOTE_CONTEXT_CODE_POINTS), start),
    suffix: text.slice(end, stepForwardCodePoints(text, end, QUOTE_CONTEXT_CODE_POINTS)),
  };
}

/** Every occurrence of `needle`, overlapping ones included. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/**
 * Whether the text around `range` agrees with the given context. Compared folded, so a
 * client's straight apostrophe in the prefix still counts. Near the edges of the text the
 * context is shorter than what the client sent, and only the part that exists must agree.
 */
function contextFits(text: string, range: TextRange, query: QuoteQuery): boolean {
  const { prefix = "", suffix = "" } = query;
  if (prefix) {
    const from = Math.max(0, range.start - 2 * prefix.length - 16);
    const before = foldForQuoteMatch(text.slice(from, range.start)).text;
    const wanted = foldForQuoteMatch(prefix).text;
    if (!before.endsWith(wanted) && !(from === 0 && wanted.endsWith(before))) return false;
  }
  if (suffix) {
    const to = Math.min(text.length, range.end + 2 * suffix.length + 16);
    const after = foldForQuoteMatch(text.slice(range.end, to)).text;
    const wanted = foldForQuoteMatch(suffix).text;
    if (!after.startsWith(wanted) && !(to === text.length && wanted.startsWith(after))) return false;
  }
  return true;
}

function pick(text: string, matches: TextRange[], query: QuoteQuery): TextRange | QuoteFailure {
  if (matches.length === 1) return matches[0];
  const fitting = matches.filter((range) => contextFits(text, range, query));
  if (fitting.length === 1) return fitting[0];
  const hint = query.prefix || query.suffix
    ? "the prefix and suffix given do not single out one"
    : "give a prefix or suffix to single out one";
  return { error: "quote_ambiguous", message: `The quote occurs ${matches.length} times in the text; ${hint}.` };
}

/** A match that starts or ends inside a character as readers see it (half a flag) is no match. */
function onGraphemeBoundaries(text: string, range: TextRange): boolean {
  return isGraphemeBoundary(text, range.start) && isGraphemeBoundary(text, range.end);
}

/**
 * Finds a quote given by a client: exact matches first; if there are none, once more with
 * typographic quotes and runs of white space folded. Several matches are told apart by
 * the prefix and suffix; if that does not leave exactly one, the quote is ambiguous.
 */
export function resolveQuote(text: string, query: QuoteQuery): TextRange | QuoteFailure {
  if (query.exact.length === 0) {
    return { error: "quote_not_found", message: "The quote is empty: give the exact text to annotate." };
  }
  const exact = occurrences(text, query.exact)
    .map((start) => ({ start, end: start + query.exact.length }))
    .filter((range) => onGraphemeBoundaries(text, range));
  if (exact.length > 0) return pick(text, exact, query);

  // Text is NFC since import; a client's quote may not be.
  const needle = foldForQuoteMatch(query.exact.normalize("NFC")).text;
  if (needle.length === 0) return { error: "quote_not_found", message: "The quote does not occur in the text." };
  const folded = foldForQuoteMatch(text);
  const loose = occurrences(folded.text, needle)
    .map((start) => unfoldRange(folded, start, start + needle.length))
    .filter((range) => onGraphemeBoundaries(text, range));
  if (loose.length > 0) return pick(text, loose, query);
  return { error: "quote_not_found", message: "The quote does not occur in the text." };
}

export function isQuoteFailure(result: TextRange | QuoteFailure): result is QuoteFailure {
  return "error" in result;
}
