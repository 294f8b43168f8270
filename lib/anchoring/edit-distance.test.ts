import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistanceWithin } from "./edit-distance";

/** Property tests run hundreds of cases; a busy CI machine must not turn them into timeouts. */
const PROPERTY_TIMEOUT = 60_000;

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

describe("editDistanceWithin", () => {
  it("measures small edits", () => {
    expect(editDistanceWithin("230.000 hommes", "280.000 hommes", 3)).toBe(1);
    expect(editDistanceWithin("fondment", "fondement", 3)).toBe(1);
    expect(editDistanceWithin("", "abc", 3)).toBe(3);
    expect(editDistanceWithin("abc", "abc", 0)).toBe(0);
    expect(editDistanceWithin("abcdef", "ghijkl", 3)).toBeNull();
  });

  it("agrees with the full Levenshtein distance within the bound", () => {
    const textArb = fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "😀"), maxLength: 16 });
    fc.assert(
      fc.property(textArb, textArb, fc.nat({ max: 20 }), (a, b, max) => {
        const exact = levenshtein(a, b);
        expect(editDistanceWithin(a, b, max)).toBe(exact <= max ? exact : null);
      }),
      { numRuns: 2_000 },
    );
  }, PROPERTY_TIMEOUT);
});
