import fc from "fast-check";

/**
 * fast-check generators for anchoring tests: article-like text full of the characters
 * that break offset arithmetic (flags and skin tones outside the BMP, combining accents,
 * no-break spaces, typographic apostrophes) and random editor documents.
 */

/** Grapheme clusters that words are made of; several are two or more code units long. */
export const TRICKY_GRAPHEMES = [
  "a", "b", "c", "d", "e", "i", "l", "m", "n", "o", "r", "s", "t", "u", "v",
  "é", "à", "ç", "É", "e\u0301", "n\u0303", "0", "1", "2", "5", "8", ".", ",", "’", "-",
  "🇷🇺", "🇺🇦", "👍🏽", "👍", "😀", "𝕏", "1\ufe0f\u20e3",
];

/** A word: a few random clusters. Random words rarely repeat, as prose mostly does not. */
export const wordArb = fc
  .array(fc.constantFrom(...TRICKY_GRAPHEMES), { minLength: 1, maxLength: 9 })
  .map((clusters) => clusters.join(""));

/** Words joined by a space, or now and then a no-break space (as in `87 %`). */
export const paragraphArb = fc
  .array(fc.tuple(wordArb, fc.constantFrom(" ", " ", " ", " ", "\u00a0", "\u202f")), { minLength: 4, maxLength: 40 })
  .map((pairs) => pairs.map(([word, space], i) => (i === 0 ? word : space + word)).join(""));

/** Paragraphs of an article (joined with the canonical block separator by the caller). */
export const paragraphsArb = fc.array(paragraphArb, { minLength: 3, maxLength: 8 });

/** Any string, lone surrogates included, built from units that stress the converters. */
export const anyStringArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TRICKY_GRAPHEMES, "\ud83c", "\udde6", "\u00a0"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    ),
    { maxLength: 40 },
  )
  .map((units) => units.join(""));

// ---- editor documents (JSON of the shared schema) ----

type Json = Record<string, unknown>;

const textNodeArb = fc
  .tuple(fc.array(fc.constantFrom(...TRICKY_GRAPHEMES, " ", "\u00a0"), { minLength: 1, maxLength: 12 }), fc.boolean())
  .map(([clusters, bold]): Json => ({ type: "text", text: clusters.join(""), ...(bold ? { marks: [{ type: "bold" }] } : {}) }));

const inlineArb = fc.array(fc.oneof({ weight: 4, arbitrary: textNodeArb }, { weight: 1, arbitrary: fc.constant<Json>({ type: "hardBreak" }) }), {
  maxLength: 5,
});

const paragraphNodeArb = inlineArb.map((content): Json => ({ type: "paragraph", content }));

/** Random documents: paragraphs (empty ones too), headings, code, nested lists and quotes, rules. */
export const docJsonArb: fc.Arbitrary<Json> = fc.letrec<{ block: Json; listItem: Json; doc: Json }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: paragraphNodeArb },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 4 }), inlineArb)
        .map(([level, content]): Json => ({ type: "heading", attrs: { level }, content })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom(...TRICKY_GRAPHEMES, "\n", " "), { minLength: 1, maxLength: 10 })
        .map((chars): Json => ({ type: "codeBlock", content: [{ type: "text", text: chars.join("") }] })),
    },
    { weight: 1, arbitrary: fc.constant<Json>({ type: "horizontalRule" }) },
    { weight: 1, arbitrary: fc.array(tie("block"), { minLength: 1, maxLength: 3 }).map((content): Json => ({ type: "blockquote", content })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("bulletList", "orderedList"), fc.array(tie("listItem"), { minLength: 1, maxLength: 3 }))
        .map(([type, content]): Json => ({ type, content })),
    },
  ),
  listItem: fc
    .tuple(paragraphNodeArb, fc.array(tie("block"), { maxLength: 2 }))
    .map(([first, rest]): Json => ({ type: "listItem", content: [first, ...rest] })),
  doc: fc.array(tie("block"), { minLength: 1, maxLength: 6 }).map((content): Json => ({ type: "doc", content })),
})).doc;
