import { describe, expect, it } from "vitest";
import { editorSchema } from "@/lib/editor/schema";
import { textMap, trimRange } from "./text-map";

const NBSP = "\u00a0";

/** Two paragraphs; the first opens with a flag (two astral code points, four UTF-16 units). */
function doc() {
  const schema = editorSchema();
  return schema.node("doc", null, [
    schema.node("paragraph", null, [schema.text("🇷🇺 Moscou affirme "), schema.text("doublé", [schema.marks.bold.create()])]),
    schema.node("paragraph", null, [schema.text(`près de 6${NBSP}% du PIB`)]),
  ]);
}

describe("textMap", () => {
  const map = textMap(doc());

  it("converts code point offsets to editor positions and back, past an emoji and across blocks", () => {
    expect(map.text).toBe(`🇷🇺 Moscou affirme doublé\n\nprès de 6${NBSP}% du PIB`);
    // "Moscou" starts at code point 3 (🇷, 🇺, space) but UTF-16 unit 5; the paragraph content starts at position 1.
    const { from, to } = map.toPosRange(3, 9);
    expect(doc().textBetween(from, to)).toBe("Moscou");
    expect(map.toOffsets(from, to)).toEqual({ start: 3, end: 9 });
    expect(map.quote(3, 9)).toBe("Moscou");

    const start = map.text.indexOf("6") - 2; // code points: the flag counts 2, its units 4
    const range = map.toPosRange(start, start + 3);
    expect(doc().textBetween(range.from, range.to)).toBe(`6${NBSP}%`);
    expect(map.toOffsets(range.from, range.to)).toEqual({ start, end: start + 3 });
  });

  it("steps one visible character at a time, a flag as one and a block break as one", () => {
    expect(map.step(0, 1)).toBe(2); // 🇷🇺 is one grapheme of two code points
    expect(map.step(2, -1)).toBe(0);
    const endOfFirst = Array.from("🇷🇺 Moscou affirme doublé").length;
    expect(map.step(endOfFirst, 1)).toBe(endOfFirst + 2); // over the blank line to the next block
    expect(map.step(endOfFirst + 2, -1)).toBe(endOfFirst);
  });

  it("trims white space off the ends of a selection", () => {
    const trimmed = trimRange(map, 2, 10);
    expect(map.quote(trimmed.start, trimmed.end)).toBe("Moscou");
  });
});
