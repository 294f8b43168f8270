import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyStringArb } from "./__fixtures__/arbitraries";
import { codePointIndex } from "./code-points";
import { splitsSurrogatePair } from "./surrogates";

/** Property tests run hundreds of cases; a busy CI machine must not turn them into timeouts. */
const PROPERTY_TIMEOUT = 60_000;

describe("codePointIndex", () => {
  it("converts around flags, skin tones and combining accents", () => {
    const text = "🇷🇺 Moscou 👍🏽 cafe\u0301 !";
    const index = codePointIndex(text);
    expect(index.length).toBe(Array.from(text).length);
    // "Moscou" starts after 🇷🇺 (2 code points, 4 units) and a space.
    expect(text.indexOf("Moscou")).toBe(5);
    expect(index.toCodePoint(5)).toBe(3);
    expect(index.toCodeUnit(3)).toBe(5);
    // The combining accent is a code point of its own.
    expect(index.toCodePoint(text.indexOf("\u0301"))).toBe(Array.from(text.slice(0, text.indexOf("\u0301"))).length);
    expect(index.toCodeUnit(index.length)).toBe(text.length);
  });

  it("counts an offset inside a surrogate pair as the pair's start", () => {
    const index = codePointIndex("a😀b");
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(3)).toBe(2);
  });

  it("counts lone surrogates as one code point each, as Array.from does", () => {
    for (const text of ["\ud83c", "\ud83ca", "a\udde6", "\udde6\ud83c", "\ud83c\ud83c\udde6"]) {
      expect(codePointIndex(text).length).toBe(Array.from(text).length);
    }
  });

  it("agrees with Array.from on any text, and round-trips every code point offset", () => {
    fc.assert(
      fc.property(anyStringArb, (text) => {
        const index = codePointIndex(text);
        const codePoints = Array.from(text);
        expect(index.length).toBe(codePoints.length);
        let unit = 0;
        for (let k = 0; k <= codePoints.length; k++) {
          expect(index.toCodeUnit(k)).toBe(unit);
          expect(index.toCodePoint(unit)).toBe(k);
          unit += codePoints[k]?.length ?? 0;
        }
      }),
      { numRuns: 1_000 },
    );
  }, PROPERTY_TIMEOUT);

  it("never lands inside a surrogate pair, and maps every unit offset to the code point it belongs to", () => {
    fc.assert(
      fc.property(anyStringArb, (text) => {
        const index = codePointIndex(text);
        for (let k = 0; k <= index.length; k++) {
          expect(splitsSurrogatePair(text, index.toCodeUnit(k))).toBe(false);
        }
        for (let u = 0; u <= text.length; u++) {
          const start = splitsSurrogatePair(text, u) ? u - 1 : u;
          expect(index.toCodePoint(u)).toBe(Array.from(text.slice(0, start)).length);
          expect(index.toCodeUnit(index.toCodePoint(u))).toBe(start);
        }
      }),
      { numRuns: 1_000 },
    );
  }, PROPERTY_TIMEOUT);
});
