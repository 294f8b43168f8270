import { isHighSurrogate, isLowSurrogate } from "./surrogates";

/**
 * Offsets in the API and exports count Unicode code points (W3C TextPositionSelector);
 * JavaScript strings count UTF-16 code units. Convert only at that boundary.
 */
export interface CodePointIndex {
  /** Code point offset of a code unit offset (an offset inside a pair counts as the pair's start). */
  toCodePoint(unitOffset: number): number;
  /** Code unit offset of a code point offset. */
  toCodeUnit(codePointOffset: number): number;
  /** Length of the text in code points. */
  readonly length: number;
}

/** Index of the first element of the ascending `values` for which `below` is false. */
function firstNotBelow(values: number[], below: (value: number, index: number) => boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (below(values[mid], mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds a converter in O(n); each conversion is O(log k) for k astral characters. Counts
 * agree with `Array.from(text)`: a lone surrogate is one code point of its own.
 */
export function codePointIndex(text: string): CodePointIndex {
  // Code unit offsets of the first half of every well-formed surrogate pair, ascending.
  const astral: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      astral.push(i);
      i++;
    }
  }
  return {
    length: text.length - astral.length,
    toCodePoint(unitOffset) {
      return unitOffset - firstNotBelow(astral, (unit) => unit < unitOffset);
    },
    toCodeUnit(codePointOffset) {
      // The k-th astral character starts at code point astral[k] - k.
      return codePointOffset + firstNotBelow(astral, (unit, k) => unit - k < codePointOffset);
    },
  };
}
