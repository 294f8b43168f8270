/**
 * UTF-16 surrogate helpers. Anchoring works in JS string offsets (code units), and an
 * offset between the two halves of 🇷 or 👍 would make every later code point count wrong.
 */

export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isLowSurrogate(text.charCodeAt(offset)) &&
    isHighSurrogate(text.charCodeAt(offset - 1))
  );
}

/** The offset `count` code points before `offset` (or 0). A lone surrogate counts as one. */
export function stepBackCodePoints(text: string, offset: number, count: number): number {
  let at = offset;
  for (let k = 0; k < count && at > 0; k++) {
    at -= splitsSurrogatePair(text, at - 1) ? 2 : 1;
  }
  return at;
}

/** The offset `count` code points after `offset` (or the text's length). */
export function stepForwardCodePoints(text: string, offset: number, count: number): number {
  let at = offset;
  for (let k = 0; k < count && at < text.length; k++) {
    at += splitsSurrogatePair(text, at + 1) ? 2 : 1;
  }
  return at;
}
