/** A range of a text in JS string offsets (UTF-16 code units), end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * A W3C TextQuoteSelector: the quoted text and up to 32 code points of context on each
 * side (fewer at the edges of the text).
 */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}
