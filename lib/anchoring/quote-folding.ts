/**
 * Folding for the second, forgiving pass of quote matching: a client that types
 * "l'agence" or "87 %" must find "l’agence" and "87\u202F%" in the article. Folding keeps a
 * map back to the original text so that a match found in the folded text becomes an exact
 * original range.
 */

export interface FoldedText {
  text: string;
  /** Original range [starts[i], ends[i]) of the i-th folded code unit. */
  starts: Int32Array;
  ends: Int32Array;
}

const SINGLE_QUOTES = new Set(["'", "\u2018", "\u2019", "\u201A", "\u201B", "\u02BC", "\u2039", "\u203A"]);
const DOUBLE_QUOTES = new Set(['"', "\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB"]);
/**
 * French sets guillemets off with (non-breaking) spaces: «\u00A0texte\u00A0». Someone
 * quoting it as "texte" or « texte » means the same words, so the spaces just inside
 * guillemets are dropped.
 */
const OPENING_GUILLEMETS = new Set(["\u00AB", "\u2039"]);
const CLOSING_GUILLEMETS = new Set(["\u00BB", "\u203A"]);

/** JS `\s` covers the no-break spaces (U+00A0, U+202F), thin spaces and line breaks. */
const WHITE_SPACE = /\s/;

export function foldForQuoteMatch(original: string): FoldedText {
  let text = "";
  const starts = new Int32Array(original.length);
  const ends = new Int32Array(original.length);
  let dropSpaceAfterGuillemet = false;

  for (let i = 0; i < original.length; i++) {
    const char = original[i];
    if (WHITE_SPACE.test(char)) {
      let runEnd = i + 1;
      while (runEnd < original.length && WHITE_SPACE.test(original[runEnd])) runEnd++;
      if (!dropSpaceAfterGuillemet && !CLOSING_GUILLEMETS.has(original[runEnd] ?? "")) {
        starts[text.length] = i;
        ends[text.length] = runEnd;
        text += " ";
      }
      i = runEnd - 1;
      continue;
    }
    dropSpaceAfterGuillemet = OPENING_GUILLEMETS.has(char);
    starts[text.length] = i;
    ends[text.length] = i + 1;
    text += SINGLE_QUOTES.has(char) ? "'" : DOUBLE_QUOTES.has(char) ? '"' : char;
  }
  return { text, starts: starts.subarray(0, text.length), ends: ends.subarray(0, text.length) };
}

/** The original range of the folded range [start, end) (end > start). */
export function unfoldRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.starts[start], end: folded.ends[end - 1] };
}
