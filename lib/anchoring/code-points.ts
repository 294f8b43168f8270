/**
 * Offsets in the API and exports count Unicode code points (W3C TextPositionSelector);
 * JavaScript strings count UTF-16 code units. Convert only at that boundary.
 */
export interface CodePointIndex {
  /** Code point offset of a code unit offset. */
  toCodePoint(unitOffset: number): number;
  /** Code unit offset of a code point offset. */
  toCodeUnit(codePointOffset: number): number;
  /** Length of the text in code points. */
  readonly length: number;
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Builds a converter in O(n); each conversion is O(log k) for k astral characters. */
export function codePointIndex(text: string): CodePointIndex {
  // Code unit offsets of the first half of every surrogate pair, ascending.
  const astral: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length) {
      astral.push(i);
      i++;
    }
  }
  /** Number of astral characters starting strictly before code unit `unit`. */
  const pairsBefore = (unit: number) => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const length = text.length - astral.length;
  return {
    length,
    toCodePoint(unitOffset) {
      // An offset inside a pair counts as the pair's start.
      return unitOffset - pairsBefore(unitOffset);
    },
    toCodeUnit(codePointOffset) {
      // The k-th astral char sits at code point astral[k] - k; count those before the offset.
      let lo = 0;
      let hi = astral.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (astral[mid] - mid < codePointOffset) lo = mid + 1;
        else hi = mid;
      }
      return codePointOffset + lo;
    },
  };
}
