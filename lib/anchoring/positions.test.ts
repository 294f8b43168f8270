import fc from "fast-check";
import type { Node as PmNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../editor/schema";
import { docJsonArb } from "./__fixtures__/arbitraries";
import { canonicalText, type CanonicalText } from "./canonical-text";
import { posRangeToTextRange, posToTextOffset, textOffsetToPos, textRangeToPosRange } from "./positions";

/** Property tests run hundreds of cases; a busy CI machine must not turn them into timeouts. */
const PROPERTY_TIMEOUT = 60_000;

const p = (value: string) => ({ type: "paragraph", content: value ? [{ type: "text", text: value }] : [] });

/** "ab", an empty paragraph in a list, "🇷🇺c": text "ab\n\n\n\n🇷🇺c", separators at offsets 2–4 and 4–6. */
function sample() {
  const doc = parseDocument({
    type: "doc",
    content: [p("ab"), { type: "bulletList", content: [{ type: "listItem", content: [p("")] }] }, p("🇷🇺c")],
  });
  return { doc, ct: canonicalText(doc) };
}

const leafText = (node: PmNode) => (node.type.name === "hardBreak" ? "\n" : "\ufffc");

describe("textOffsetToPos / posToTextOffset", () => {
  it("maps offsets inside blocks one to one", () => {
    const { ct } = sample();
    expect(ct.text).toBe("ab\n\n\n\n🇷🇺c");
    expect(ct.segments.map((s) => s.pos)).toEqual([1, 7, 11]);
    expect(textOffsetToPos(ct, 0)).toBe(1);
    expect(textOffsetToPos(ct, 2)).toBe(3);
    expect(textOffsetToPos(ct, 4)).toBe(7);
    expect(textOffsetToPos(ct, 6)).toBe(11);
    expect(textOffsetToPos(ct, 11)).toBe(16);
    expect(posToTextOffset(ct, 16)).toBe(11);
  });

  it("snaps an offset inside a separator to the next block start or the previous block end", () => {
    const { ct } = sample();
    expect(textOffsetToPos(ct, 3, "start")).toBe(7);
    expect(textOffsetToPos(ct, 3, "end")).toBe(3);
    expect(textOffsetToPos(ct, 5)).toBe(11);
    expect(textOffsetToPos(ct, 5, "end")).toBe(7);
  });

  it("clamps offsets outside the text", () => {
    const { ct } = sample();
    expect(textOffsetToPos(ct, -4)).toBe(1);
    expect(textOffsetToPos(ct, 99)).toBe(16);
  });

  it("maps a position between blocks to the nearest block boundary, or to the side asked", () => {
    const { ct } = sample();
    // 3 = end of "ab"; 4 = after its </p>; 5 = inside <ul>; 6 = inside <li>; 7 = in the empty paragraph
    expect(posToTextOffset(ct, 0)).toBe(0);
    expect(posToTextOffset(ct, 4)).toBe(2);
    expect(posToTextOffset(ct, 6)).toBe(4);
    expect(posToTextOffset(ct, 4, "start")).toBe(4);
    expect(posToTextOffset(ct, 6, "end")).toBe(2);
    expect(posToTextOffset(ct, 99)).toBe(11);
  });

  it("converts ranges, collapsing one that covers only a separator", () => {
    const { ct } = sample();
    expect(textRangeToPosRange(ct, 1, 10)).toEqual({ from: 2, to: 15 });
    expect(textRangeToPosRange(ct, 2, 4)).toEqual({ from: 3, to: 7 });
    expect(textRangeToPosRange(ct, 3, 3)).toEqual({ from: 7, to: 7 });
    expect(posRangeToTextRange(ct, 2, 15)).toEqual({ start: 1, end: 10 });
    expect(posRangeToTextRange(ct, 0, 17)).toEqual({ start: 0, end: 11 });
    expect(posRangeToTextRange(ct, 4, 4)).toEqual({ start: 2, end: 2 });
  });

  it("stays cheap on a long article (binary search)", () => {
    const paragraphs = Array.from({ length: 2_000 }, (_, i) => p(`Paragraphe ${i} avec quelques mots de plus pour faire nombre.`));
    const ct = canonicalText(parseDocument({ type: "doc", content: paragraphs }));
    const offsets = offsetsInBlocks(ct).filter((_, i) => i % 61 === 0);
    expect(offsets.length).toBeGreaterThan(1_000);
    for (const offset of offsets) {
      expect(posToTextOffset(ct, textOffsetToPos(ct, offset))).toBe(offset);
    }
  });
});

/** Offsets not strictly inside a block separator. */
function offsetsInBlocks(ct: CanonicalText): number[] {
  return ct.segments.flatMap((s) => Array.from({ length: s.length + 1 }, (_, i) => s.offset + i));
}

describe("positions ↔ offsets on random documents", () => {
  it("round-trips every offset in a block and every position in a textblock", () => {
    fc.assert(
      fc.property(docJsonArb, (json) => {
        const doc = parseDocument(json);
        const ct = canonicalText(doc);
        for (const offset of offsetsInBlocks(ct)) {
          expect(posToTextOffset(ct, textOffsetToPos(ct, offset))).toBe(offset);
        }
        for (const s of ct.segments) {
          for (let pos = s.pos; pos <= s.pos + s.length; pos++) {
            expect(textOffsetToPos(ct, posToTextOffset(ct, pos))).toBe(pos);
          }
        }
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);

  it("agrees with the document's own text, block by block", () => {
    fc.assert(
      fc.property(docJsonArb, (json) => {
        const doc = parseDocument(json);
        const ct = canonicalText(doc);
        for (const s of ct.segments) {
          expect(doc.textBetween(s.pos, s.pos + s.length, "", leafText)).toBe(ct.text.slice(s.offset, s.offset + s.length));
        }
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);

  it("maps positions monotonically into the text, and text ranges to valid ordered position ranges", () => {
    fc.assert(
      fc.property(docJsonArb, fc.nat(), fc.nat(), (json, a, b) => {
        const doc = parseDocument(json);
        const ct = canonicalText(doc);
        let previous = 0;
        for (let pos = 0; pos <= doc.content.size; pos++) {
          const offset = posToTextOffset(ct, pos);
          expect(offset).toBeGreaterThanOrEqual(previous);
          expect(offset).toBeLessThanOrEqual(ct.text.length);
          previous = offset;
        }
        const start = Math.min(a, b) % (ct.text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (ct.text.length + 1));
        const { from, to } = textRangeToPosRange(ct, start, end);
        expect(from).toBeLessThanOrEqual(to);
        expect(to).toBeLessThanOrEqual(doc.content.size);
        // The text of a range taken back from the editor is what the range held, minus separators at its ends.
        const back = posRangeToTextRange(ct, from, to);
        expect(back.start).toBeGreaterThanOrEqual(start);
        expect(back.end).toBeLessThanOrEqual(Math.max(end, back.start));
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);
});
