import { splitsSurrogatePair } from "./surrogates";
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

function isWordChar(char: string | undefined): char is string {
  return char !== undefined && WORD_CHAR.test(char);
}

/** The code point that ends at `offset`, if any. */
function charBefore(text: string, offset: number): string | undefined {
  if (offset <= 0) return undefined;
  return text.slice(splitsSurrogatePair(text, offset - 1) ? offset - 2 : offset - 1, offset);
}

/** The code point that starts at `offset`, if any. */
function charAt(text: string, offset: number): string | undefined {
  if (offset >= text.length) return undefined;
  return text.slice(offset, splitsSurrogatePair(text, offset + 1) ? offset + 2 : offset + 1);
}

/** The match, widened to whole words on each side where the quote itself had a word boundary. */
export function widenToWords<T extends TextRange & { errors: number }>(text: string, match: T, quote: TextQuoteSelector): T {
  const startsWord = isWordChar(charAt(quote.exact, 0)) && !isWordChar(charBefore(quote.prefix, quote.prefix.length));
  const endsWord = isWordChar(charBefore(quote.exact, quote.exact.length)) && !isWordChar(charAt(quote.suffix, 0));
  let { start, end, errors } = match;
  while (startsWord && match.start - start < MAX_WIDENING) {
    const char = charBefore(text, start);
    if (!isWordChar(char)) break;
    start -= char.length;
    errors += 1;
  }
  while (endsWord && end - match.end < MAX_WIDENING) {
    const char = charAt(text, end);
    if (!isWordChar(char)) break;
    end += char.length;
    errors += 1;
  }
  return { ...match, start, end, errors };
}
