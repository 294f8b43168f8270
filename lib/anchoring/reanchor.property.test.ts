import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paragraphArb, paragraphsArb, wordArb } from "./__fixtures__/arbitraries";
import { applyEdits, graphemeBoundaries, shiftThroughEdits, type TextEdit } from "./__fixtures__/text-edits";
import { BLOCK_SEPARATOR } from "./canonical-text";
import { isGraphemeBoundary } from "./grapheme-boundaries";
import { buildQuoteSelector } from "./quote-selector";
import { reanchorAnnotations, type ReanchorInput, type ReanchorResult } from "./reanchor";

/** Property tests run hundreds of cases; a busy CI machine must not turn them into timeouts. */
const PROPERTY_TIMEOUT = 60_000;

/**
 * Properties of re-anchoring on random article-like texts (flags, skin tones, combining
 * accents, no-break spaces): never lose an annotation, never move one that was not
 * touched, and never attach one to words that are not its own.
 */

interface Article {
  paragraphs: string[];
  text: string;
  /** The annotated range: whole words inside one paragraph. */
  quote: { paragraph: number; start: number; end: number };
}

/** An article and a quote of 1 to 6 whole words in one of its paragraphs. */
const articleArb: fc.Arbitrary<Article> = fc
  .tuple(paragraphsArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 }))
  .map(([paragraphs, p, w, count]) => {
    const paragraph = p % paragraphs.length;
    const offset = paragraphs.slice(0, paragraph).reduce((sum, text) => sum + text.length + BLOCK_SEPARATOR.length, 0);
    const words = [...paragraphs[paragraph].matchAll(/[^ \u00a0\u202f]+/g)];
    const first = w % words.length;
    const last = Math.min(words.length - 1, first + count - 1);
    const start = offset + (words[first].index ?? 0);
    const end = offset + (words[last].index ?? 0) + words[last][0].length;
    return { paragraphs, text: paragraphs.join(BLOCK_SEPARATOR), quote: { paragraph, start, end } };
  });

function annotationOf(article: Article): ReanchorInput {
  const { text, quote } = article;
  return { id: "q", start: quote.start, end: quote.end, ...buildQuoteSelector(text, quote.start, quote.end) };
}

/** Invariants of every result, whatever happened to the text. */
function expectWellFormed(result: ReanchorResult, newText: string) {
  if (result.anchor === "orphaned") {
    expect(result.start).toBeNull();
    expect(result.end).toBeNull();
    return;
  }
  const { start, end } = result as { start: number; end: number };
  expect(0 <= start && start <= end && end <= newText.length).toBe(true);
  expect(newText.slice(start, end)).toBe(result.exact);
  expect(isGraphemeBoundary(newText, start) && isGraphemeBoundary(newText, end)).toBe(true);
}

/** Random edits as fractions of the text, placed on grapheme boundaries later. */
const rawEditArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 25 }), insert: fc.oneof(fc.constant(""), wordArb, paragraphArb) });

function placeEdit(text: string, raw: { at: number; remove: number; insert: string }): TextEdit {
  const boundaries = graphemeBoundaries(text);
  const i = Math.floor(raw.at * (boundaries.length - 1));
  const j = Math.min(boundaries.length - 1, i + raw.remove);
  return { start: boundaries[i], end: boundaries[j], insert: raw.insert };
}

/** An edit at least this far from the quote cannot be confused with it by the diff. */
const FAR = 8;

describe("reanchorAnnotations on random texts", () => {
  it("(i) leaves a quote anchored, at its shifted place, when the edits are away from it", () => {
    fc.assert(
      fc.property(articleArb, fc.array(rawEditArb, { minLength: 1, maxLength: 3 }), (article, raws) => {
        const { start, end } = article.quote;
        const edits: TextEdit[] = [];
        for (const edit of raws.map((raw) => placeEdit(article.text, raw))) {
          const far = edit.end <= start - FAR || edit.start >= end + FAR;
          const apart = edits.every((other) => edit.end < other.start || edit.start > other.end);
          if (far && apart) edits.push(edit);
        }
        fc.pre(edits.length > 0);
        const newText = applyEdits(article.text, edits);
        const [result] = reanchorAnnotations({ oldText: article.text, newText, annotations: [annotationOf(article)] });
        expect(result.anchor).toBe("anchored");
        expect(result.start).toBe(shiftThroughEdits(start, edits));
        expect(newText.slice(result.start ?? 0, result.end ?? 0)).toBe(article.text.slice(start, end));
      }),
      { numRuns: 400 },
    );
  }, PROPERTY_TIMEOUT);

  it("(ii) never loses a quote edited inside: drifted over where it was, or orphaned", () => {
    fc.assert(
      fc.property(articleArb, fc.nat(), fc.nat({ max: 12 }), fc.oneof(fc.constant(""), wordArb), (article, at, remove, insert) => {
        const { start, end } = article.quote;
        const inside = graphemeBoundaries(article.text).filter((b) => b >= start && b <= end);
        const from = inside[at % inside.length];
        const to = inside[Math.min(inside.length - 1, inside.indexOf(from) + remove)];
        const newText = applyEdits(article.text, [{ start: from, end: to, insert }]);
        fc.pre(newText !== article.text);
        const [result] = reanchorAnnotations({ oldText: article.text, newText, annotations: [annotationOf(article)] });
        expect(result.id).toBe("q");
        expectWellFormed(result, newText);
        if (result.anchor === "orphaned") return;
        // Where the quote was, in the new text.
        const regionEnd = end + insert.length - (to - from);
        expect((result.start ?? 0) <= regionEnd && (result.end ?? 0) >= start).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, PROPERTY_TIMEOUT);

  it("(ii) drifts a quote of a few words when one character in it is corrected", () => {
    fc.assert(
      fc.property(articleArb, fc.nat(), fc.constantFrom("x", "é", "’", "👍🏽", "e\u0301"), (article, at, replacement) => {
        const { start, end } = article.quote;
        fc.pre(end - start >= 16);
        const clusters = graphemeBoundaries(article.text).filter((b) => b >= start && b < end);
        const from = clusters[at % clusters.length];
        const to = graphemeBoundaries(article.text).find((b) => b > from) ?? from;
        const newText = applyEdits(article.text, [{ start: from, end: to, insert: replacement }]);
        fc.pre(newText !== article.text);
        const [result] = reanchorAnnotations({ oldText: article.text, newText, annotations: [annotationOf(article)] });
        expect(result.anchor).toBe("drifted");
        expect(result.start).toBe(start);
        expect(result.exact).toBe(newText.slice(start, end + replacement.length - (to - from)));
      }),
      { numRuns: 400 },
    );
  }, PROPERTY_TIMEOUT);

  it("(iii) orphans a quote whose whole paragraph was deleted", () => {
    fc.assert(
      fc.property(articleArb, (article) => {
        const paragraphs = article.paragraphs.filter((_, i) => i !== article.quote.paragraph);
        // If the same words survive in another paragraph, no diff can tell which one went.
        fc.pre(!paragraphs.some((paragraph) => paragraph.includes(article.paragraphs[article.quote.paragraph])));
        const newText = paragraphs.join(BLOCK_SEPARATOR);
        const annotation = annotationOf(article);
        const [result] = reanchorAnnotations({ oldText: article.text, newText, annotations: [annotation] });
        expect(result).toEqual({ ...annotation, anchor: "orphaned", start: null, end: null });
      }),
      { numRuns: 400 },
    );
  }, PROPERTY_TIMEOUT);

  it("returns every annotation, well formed, whatever the edits", () => {
    fc.assert(
      fc.property(paragraphsArb, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 })), { minLength: 1, maxLength: 12 }), fc.array(rawEditArb, { maxLength: 4 }), (paragraphs, ranges, raws) => {
        const text = paragraphs.join(BLOCK_SEPARATOR);
        const boundaries = graphemeBoundaries(text);
        const annotations = ranges.map(([at, length], i): ReanchorInput => {
          const start = boundaries[at % boundaries.length];
          const end = boundaries.find((b) => b >= start + length) ?? text.length;
          return { id: `a${i}`, start, end, ...buildQuoteSelector(text, start, end) };
        });
        const edits = raws.map((raw) => placeEdit(text, raw)).filter((edit, i, all) => all.slice(0, i).every((o) => edit.end < o.start || edit.start > o.end));
        const newText = applyEdits(text, edits);
        const results = reanchorAnnotations({ oldText: text, newText, annotations });
        expect(results.map((r) => r.id)).toEqual(annotations.map((a) => a.id));
        for (const result of results) expectWellFormed(result, newText);
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);
});
