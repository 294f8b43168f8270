import type { TextQuoteSelector, TextRange } from "./types";

/**
 * A fuzzy match may start or end inside a word: "87 %" changed to "78 %" is found as
 * "8 %" with one error. A highlight on half a number is wrong, so when the quote itself
 * began (or ended) on a word boundary, a match is widened to whole words, and each
 * character taken in counts as one more error.
 */

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
/** Further than this, the "word" is a run of digits or a URL; stop widening. */
const MAX_WIDENING = 32;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** The code point ending just before `offset`, if any. */
function charBefore(text: string, offset: number): string | undefined {
  return offset > 0 ? String.fromCodePoint(text.codePointAt(offset - 1) ?? 0) === text[offset - 1] &&
    !(offset > 1 && text.codePointAt(offset - 2)! > 0xffff)
    ? text[offset - 1]
    : text.slice(offset - 2, offset)
    : undefined;
}

function firstChar(text: string): string | undefined {
  const code = text.codePointAt(0);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

export function widenToWords(text: string, range: TextRange & { errors: number }, quote: TextQuoteSelector) {
  let { start, end, errors } = range;
  const quoteStartsWord = isWordChar(firstChar(quote.exact)) && !isWordChar(charBefore(quote.prefix, quote.prefix.length));
  const quoteEndsWord = isWordChar(charBefore(quote.exact, quote.exact.length)) && !isWordChar(firstChar(quote.suffix));
  if (quoteStartsWord) {
    const limit = Math.max(0, start - MAX_WIDENING);
    while (start > limit && isWordChar(charBefore(text, start))) {
      const width = (charBefore(text, start) ?? "").length;
      start -= width;
      errors += 1;
    }
  }
  if (quoteEndsWord) {
    const limit = Math.min(text.length, end + MAX_WIDENING);
    while (end < limit && isWordChar(firstChar(text.slice(end, end + 2)))) {
      end += (firstChar(text.slice(end, end + 2)) ?? "").length;
      errors += 1;
    }
  }
  return { start, end, errors };
}
