import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paragraphsArb } from "./__fixtures__/arbitraries";
import { BLOCK_SEPARATOR } from "./canonical-text";
import { foldForQuoteMatch } from "./quote-folding";
import { buildQuoteSelector, isQuoteFailure, QUOTE_CONTEXT_CODE_POINTS, resolveQuote } from "./quote-selector";
import { splitsSurrogatePair } from "./surrogates";

/** Property tests run hundreds of cases; a busy CI machine must not turn them into timeouts. */
const PROPERTY_TIMEOUT = 60_000;

const ARTICLE = [
  "Les pertes russes atteindraient 280.000 hommes, selon les services britanniques.",
  "«\u00a0Ces estimations n’ont aucun fondement\u00a0», a déclaré Dmitri Peskov, cité par l’agence TASS.",
  "Les services britanniques notent une hausse de 87\u00a0% depuis le 1er janvier. 🇷🇺🇺🇦",
].join(BLOCK_SEPARATOR);

const rangeOf = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

describe("buildQuoteSelector", () => {
  it("takes 32 code points of context on each side, fewer at the edges", () => {
    const { start, end } = rangeOf(ARTICLE, "280.000 hommes");
    const selector = buildQuoteSelector(ARTICLE, start, end);
    expect(selector).toEqual({
      exact: "280.000 hommes",
      prefix: "Les pertes russes atteindraient ",
      suffix: ", selon les services britannique",
    });
    expect(buildQuoteSelector(ARTICLE, 0, 3).prefix).toBe("");
    expect(buildQuoteSelector(ARTICLE, ARTICLE.length - 4, ARTICLE.length).suffix).toBe("");
  });

  it("counts context in code points, never splitting a flag's surrogate pairs", () => {
    const text = "😀".repeat(40) + "x" + "👍🏽".repeat(20);
    const selector = buildQuoteSelector(text, 80, 81);
    expect(selector.prefix).toBe("😀".repeat(32));
    expect(Array.from(selector.suffix)).toHaveLength(32);
    expect(selector.suffix).toBe("👍🏽".repeat(16));
  });

  it("gives context that is exactly the text around the range, within 32 code points", () => {
    fc.assert(
      fc.property(paragraphsArb, fc.nat(), fc.nat(), (paragraphs, a, b) => {
        const text = paragraphs.join(BLOCK_SEPARATOR);
        let start = Math.min(a, b) % (text.length + 1);
        let end = Math.max(a, b) % (text.length + 1);
        if (splitsSurrogatePair(text, start)) start -= 1;
        if (splitsSurrogatePair(text, end)) end += 1;
        const { exact, prefix, suffix } = buildQuoteSelector(text, start, Math.max(start, end));
        expect(text.slice(start - prefix.length, start)).toBe(prefix);
        expect(text.slice(start + exact.length, start + exact.length + suffix.length)).toBe(suffix);
        expect(Array.from(prefix).length).toBe(Math.min(QUOTE_CONTEXT_CODE_POINTS, Array.from(text.slice(0, start)).length));
        expect(Array.from(suffix).length).toBeLessThanOrEqual(QUOTE_CONTEXT_CODE_POINTS);
        expect(splitsSurrogatePair(text, start - prefix.length)).toBe(false);
        expect(splitsSurrogatePair(text, start + exact.length + suffix.length)).toBe(false);
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);
});

describe("resolveQuote", () => {
  it("finds a unique exact quote", () => {
    expect(resolveQuote(ARTICLE, { exact: "cité par l’agence TASS" })).toEqual(rangeOf(ARTICLE, "cité par l’agence TASS"));
  });

  it("tells repeated quotes apart by prefix and suffix", () => {
    expect(isQuoteFailure(resolveQuote(ARTICLE, { exact: "services britanniques" }))).toBe(true);
    const second = ARTICLE.lastIndexOf("services britanniques");
    expect(resolveQuote(ARTICLE, { exact: "services britanniques", prefix: "Les " })).toEqual({
      start: second,
      end: second + "services britanniques".length,
    });
    expect(resolveQuote(ARTICLE, { exact: "services britanniques", suffix: "." })).toEqual({
      start: ARTICLE.indexOf("services britanniques"),
      end: ARTICLE.indexOf("services britanniques") + "services britanniques".length,
    });
  });

  it("reports ambiguity when the context does not single out one match", () => {
    const result = resolveQuote(ARTICLE, { exact: "services", suffix: " britanniques" });
    expect(result).toMatchObject({ error: "quote_ambiguous" });
    expect(resolveQuote("ab ab ab", { exact: "ab", suffix: " ab" })).toMatchObject({ error: "quote_ambiguous" });
    expect(resolveQuote("aaa", { exact: "aa" })).toMatchObject({ error: "quote_ambiguous" });
  });

  it("accepts context cut short by the start or end of the text", () => {
    expect(resolveQuote("ab ab", { exact: "ab", prefix: "long text before " })).toEqual({ start: 0, end: 2 });
    expect(resolveQuote("ab ab", { exact: "ab", suffix: " and more after" })).toEqual({ start: 3, end: 5 });
  });

  it("fails on an empty or absent quote", () => {
    expect(resolveQuote(ARTICLE, { exact: "" })).toMatchObject({ error: "quote_not_found" });
    expect(resolveQuote(ARTICLE, { exact: "600.000 hommes" })).toMatchObject({ error: "quote_not_found" });
  });

  it("retries with apostrophes, quotes and white space folded, mapping back to the exact original range", () => {
    const quote = "Ces estimations n'ont aucun fondement";
    expect(resolveQuote(ARTICLE, { exact: quote })).toEqual(rangeOf(ARTICLE, "Ces estimations n’ont aucun fondement"));
    expect(resolveQuote(ARTICLE, { exact: "hausse de 87 %" })).toEqual(rangeOf(ARTICLE, "hausse de 87\u00a0%"));
    expect(resolveQuote(ARTICLE, { exact: '"Ces estimations n\'ont aucun fondement"' })).toEqual(
      rangeOf(ARTICLE, "«\u00a0Ces estimations n’ont aucun fondement\u00a0»"),
    );
    expect(resolveQuote(ARTICLE, { exact: "hommes,   selon les\nservices" })).toEqual(rangeOf(ARTICLE, "hommes, selon les services"));
  });

  it("folds a quote that spans a paragraph break to a single space", () => {
    const range = resolveQuote(ARTICLE, { exact: "britanniques. « Ces" });
    expect(range).toEqual({
      start: ARTICLE.indexOf("britanniques."),
      end: ARTICLE.indexOf("Ces estimations") + 3,
    });
  });

  it("accepts a quote in decomposed form (NFD) against NFC text", () => {
    const text = "Le café de la gare.";
    expect(resolveQuote(text, { exact: "cafe\u0301" })).toEqual({ start: 3, end: 7 });
  });

  it("never matches half a character as readers see it", () => {
    expect(resolveQuote("🇷🇺🇺🇦", { exact: "🇺🇺" })).toMatchObject({ error: "quote_not_found" });
    expect(resolveQuote("cafe\u0301", { exact: "cafe" })).toMatchObject({ error: "quote_not_found" });
    expect(resolveQuote("👍🏽 ok", { exact: "👍" })).toMatchObject({ error: "quote_not_found" });
  });

  it("finds any quote built from the text again, or calls it ambiguous", () => {
    fc.assert(
      fc.property(paragraphsArb, fc.nat(), fc.integer({ min: 1, max: 60 }), (paragraphs, a, length) => {
        const text = paragraphs.join(BLOCK_SEPARATOR);
        const boundaries = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.index);
        const start = boundaries[a % boundaries.length];
        const end = boundaries.find((at) => at >= start + length) ?? text.length;
        if (end <= start) return;
        const result = resolveQuote(text, buildQuoteSelector(text, start, end));
        if (isQuoteFailure(result)) expect(result.error).toBe("quote_ambiguous");
        else expect(result).toEqual({ start, end });
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);
});

describe("foldForQuoteMatch", () => {
  it("folds typographic quotes and white space runs, keeping the way back", () => {
    const original = "l’agence «\u00a0TASS\u00a0»  et\u202f“CNN”";
    const folded = foldForQuoteMatch(original);
    expect(folded.text).toBe("l'agence \"TASS\" et \"CNN\"");
    for (let i = 0; i < folded.text.length; i++) {
      const source = original.slice(folded.starts[i], folded.ends[i]);
      expect(folded.text[i] === " " ? /^\s+$/.test(source) : source.length === 1).toBe(true);
    }
  });
});
