import { describe, expect, it } from "vitest";
import { parseDocument } from "../editor/schema";
import { BLOCK_SEPARATOR, canonicalText } from "./canonical-text";

/** Test vectors pinning the canonical text (DESIGN.md, "Text, offsets and anchoring"). */

const text = (value: string, marks?: string[]) => ({
  type: "text",
  text: value,
  ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
});
const p = (...content: object[]) => ({ type: "paragraph", content });
const h = (level: number, value: string) => ({ type: "heading", attrs: { level }, content: [text(value)] });
const li = (...content: object[]) => ({ type: "listItem", content });
const doc = (...content: object[]) => parseDocument({ type: "doc", content });

describe("canonicalText", () => {
  it("joins textblocks with a blank line", () => {
    expect(BLOCK_SEPARATOR).toBe("\n\n");
    const ct = canonicalText(doc(h(1, "Titre"), p(text("Premier.")), p(text("Second."))));
    expect(ct.text).toBe("Titre\n\nPremier.\n\nSecond.");
  });

  it("takes headings of every level, nested lists and blockquotes in document order", () => {
    const ct = canonicalText(
      doc(
        h(2, "Intertitre"),
        {
          type: "bulletList",
          content: [
            li(p(text("un")), { type: "orderedList", content: [li(p(text("un.a"))), li(p(text("un.b")))] }),
            li(p(text("deux"))),
          ],
        },
        { type: "blockquote", content: [p(text("cité")), { type: "blockquote", content: [p(text("dans la citation"))] }] },
        { type: "codeBlock", content: [text("const a = 1;\nconst b = 2;")] },
      ),
    );
    expect(ct.text).toBe(
      "Intertitre\n\nun\n\nun.a\n\nun.b\n\ndeux\n\ncité\n\ndans la citation\n\nconst a = 1;\nconst b = 2;",
    );
  });

  it("writes a hard break as one newline, inside its block", () => {
    const ct = canonicalText(doc(p(text("ligne 1"), { type: "hardBreak" }, text("ligne 2")), p(text("fin"))));
    expect(ct.text).toBe("ligne 1\nligne 2\n\nfin");
    expect(ct.segments[0].length).toBe("ligne 1\nligne 2".length);
  });

  it("keeps empty paragraphs as empty blocks, and horizontal rules add nothing", () => {
    const ct = canonicalText(doc(p(text("a")), p(), p(text("b")), { type: "horizontalRule" }, p(text("c"))));
    expect(ct.text).toBe("a\n\n\n\nb\n\nc");
    expect(ct.segments.map((s) => [s.offset, s.length])).toEqual([
      [0, 1],
      [3, 0],
      [5, 1],
      [8, 1],
    ]);
  });

  it("keeps every character as it is: no-break spaces, apostrophes, guillemets, marks", () => {
    const value = "hausse de 87\u00a0% selon l’Insee, «\u00a0texte\u00a0» et 15\u202f902 foyers";
    const ct = canonicalText(doc(p(text(value, ["bold"]))));
    expect(ct.text).toBe(value);
  });

  it("counts emoji and combining characters in code units, in step with editor positions", () => {
    const value = "🇷🇺 Moscou 👍🏽 cafe\u0301";
    const d = doc(p(text("x")), p(text(value)));
    const ct = canonicalText(d);
    expect(ct.text).toBe(`x\n\n${value}`);
    const segment = ct.segments[1];
    expect(segment.length).toBe(value.length);
    expect(d.textBetween(segment.pos, segment.pos + segment.length)).toBe(value);
  });

  it("does not normalize (NFC happens at import)", () => {
    const decomposed = "cafe\u0301";
    expect(canonicalText(doc(p(text(decomposed)))).text).toBe(decomposed);
  });

  it("records where each block starts in the document and in the text", () => {
    const d = doc(h(1, "T"), { type: "bulletList", content: [li(p(text("item")))] });
    const ct = canonicalText(d);
    // doc > heading(pos 0, content at 1) ; bulletList at 3 > listItem at 4 > paragraph at 5, content at 6
    expect(ct.segments).toEqual([
      { pos: 1, offset: 0, length: 1 },
      { pos: 6, offset: 3, length: 4 },
    ]);
  });
});
