import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Node as PmNode } from "@tiptap/pm/model";
import { parseDocument } from "@/lib/editor/schema";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { toDocument } from "./to-document";

/** Pieces that stress the text path: line endings, Unicode spaces, decomposed accents, astral characters, markup. */
const tricky = fc.constantFrom(
  "\n", "\n\n", "\r\n", "\r", " ", "\t", "\u00A0", "\u202F", "\u2028", "\u2029", "\u000B", "\u000C", "\u0085",
  "e\u0301", "\u0301", "’", "🇷🇺", "👍🏽", "\uD800", "\u0000", "\u001B", "#", "- ", "**", "<p>", "&amp;", "280.000", "87\u00A0%",
);
const markup = fc.constantFrom(
  "<p>", "</p>", "<br>", "<b>", "</b>", "<ul><li>", "</li>", "<blockquote>", "<pre>", "<h5>", "<div>", "</div>",
  "<a href=\"javascript:x\">", "<a href=\"https://cnn.com\">", "</a>", "<script>", "<img src=x>", "&nbsp;", "&#x301;",
  "\n- ", "\n# ", "\n> ", "\n1. ", "*", "`", "\n```\n",
);
const body = fc.string({ unit: fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 3 })), maxLength: 40 });

/**
 * Every textblock has text, without white space at its edges (code: without blank lines
 * before or white space after) and, outside code, without a blank line. So the canonical
 * text never holds a blank block.
 */
function expectTidyBlocks(doc: PmNode) {
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const text = canonicalText(doc.type.create(null, node)).text;
    expect(text.length).toBeGreaterThan(0);
    // Code keeps its indentation and inner blank lines.
    if (node.type.spec.code) expect(text).not.toMatch(/^\s*\n|\s$/);
    else expect(text).not.toMatch(/^\s|\s$|\n\s*\n/);
    return false;
  });
}

const fold = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * What the text path promises to keep: the input made well-formed and NFC, minus control
 * characters (NEL counts as a line break), with white space free to change.
 */
const expectedText = (input: string) =>
  fold(
    input
      .toWellFormed()
      .replace(/\u0085/g, "\n")
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, "")
      .normalize("NFC"),
  );

describe("toDocument, plain text (property)", () => {
  it("always yields a valid document whose text is the input's, white space aside", () => {
    fc.assert(
      fc.property(body, (input) => {
        const { content, text } = toDocument({ format: "text", body: input });
        const doc = parseDocument(content);
        expect(canonicalText(doc).text).toBe(text);
        expect(text.normalize("NFC")).toBe(text);
        expect(fold(text)).toBe(expectedText(input));
        if (text) expectTidyBlocks(doc);
      }),
      { numRuns: 500 },
    );
  });
});

describe("toDocument, HTML and Markdown (property)", () => {
  it("always yields a valid document with NFC text and no blank blocks", () => {
    const input = fc.string({ unit: fc.oneof(markup, tricky, fc.string({ unit: "binary", maxLength: 3 })), maxLength: 30 });
    fc.assert(
      fc.property(fc.constantFrom("html" as const, "markdown" as const), input, (format, source) => {
        const { content, text } = toDocument({ format, body: source });
        const doc = parseDocument(content);
        expect(canonicalText(doc).text).toBe(text);
        expect(text.normalize("NFC")).toBe(text);
        if (text) expectTidyBlocks(doc);
      }),
      { numRuns: 300 },
    );
  });
});
