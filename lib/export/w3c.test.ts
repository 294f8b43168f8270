import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { englishInput } from "./__fixtures__/english-article";
import { claimKremlin, claimLosses, figureLosses, frenchInput, orphanClaim, sourceLondon } from "./__fixtures__/french-article";
import { VALIDATOR, runW3cValidator } from "./__fixtures__/run-w3c-validator";
import { serializeJsonLd } from "./serialize-json-ld";
import { toW3cCollection } from "./to-w3c-collection";
import type { ExportInput } from "./types";
import type { W3cAnnotation, W3cTextPositionSelector, W3cTextQuoteSelector } from "./w3c-types";

const withNotes = (input: ExportInput): ExportInput => ({ ...input, options: { ...input.options, includeNotes: true } });
const item = (input: ExportInput, id: string): W3cAnnotation => {
  const found = toW3cCollection(input).first.items.find((a) => a.id.endsWith(id));
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const selectors = (a: W3cAnnotation) => [a.target.selector].flat();

describe("W3C Web Annotation export", () => {
  it("finds the shared validator", () => {
    expect(fs.existsSync(VALIDATOR), `validator expected at ${VALIDATOR}`).toBe(true);
  });

  it.each([
    ["French article, public", frenchInput],
    ["French article, with notes and comments", withNotes(frenchInput)],
    ["English article", englishInput],
  ])("%s passes the W3C validator, quotes checked at their code point positions", (_label, input) => {
    const { ok, output } = runW3cValidator(serializeJsonLd(toW3cCollection(input)), input.article.text);
    expect(output).toContain("all valid");
    expect(ok).toBe(true);
  });

  it("is rejected by the validator when a position is off by one character (the check is real)", () => {
    const collection = toW3cCollection(frenchInput);
    const position = selectors(collection.first.items[0])[0] as W3cTextPositionSelector;
    position.start += 1;
    position.end += 1;
    const { ok, output } = runW3cValidator(serializeJsonLd(collection), frenchInput.article.text);
    expect(ok).toBe(false);
    expect(output).toContain("quote is");
  });

  it("counts positions in code points: the flag and the thumbs-up before a span count two each, not four", () => {
    const [position, quote] = selectors(item(frenchInput, claimLosses.id)) as [W3cTextPositionSelector, W3cTextQuoteSelector];
    // "🇷🇺 " precedes the claim: two regional indicators and a space.
    expect(position.start).toBe(3);
    expect(Array.from(frenchInput.article.text).slice(position.start, position.end).join("")).toBe(quote.exact);
    const later = selectors(item(frenchInput, claimKremlin.id))[0] as W3cTextPositionSelector;
    const unitStart = frenchInput.article.text.indexOf("Nous ne publierons");
    expect(later.start).toBe(unitStart - 4); // 🇷🇺 (2 pairs) and 👍🏽 (2 pairs) come before it
  });

  it("targets the article's URL with a position and a quote with context", () => {
    const annotation = item(frenchInput, figureLosses.id);
    expect(annotation.target.source).toBe(frenchInput.article.url);
    expect(selectors(annotation)).toEqual([
      { type: "TextPositionSelector", start: figureLosses.target.start, end: figureLosses.target.end },
      { type: "TextQuoteSelector", exact: "280.000 soldats", prefix: figureLosses.target.prefix, suffix: figureLosses.target.suffix },
    ]);
  });

  it("targets the article's page in Factmark when the article has no URL", () => {
    const collection = toW3cCollection(englishInput);
    expect(collection.first.items[0].target.source).toBe(`http://localhost:3000/articles/${englishInput.article.id}`);
  });

  it("gives an orphan only its last known quote", () => {
    const annotation = item(frenchInput, orphanClaim.id);
    expect(annotation.target.selector).toEqual({
      type: "TextQuoteSelector",
      exact: orphanClaim.target.exact,
      prefix: orphanClaim.target.prefix,
    });
    expect(toW3cCollection(frenchInput).first.items.at(-1)?.id).toContain(orphanClaim.id);
  });

  it("re-reads the quote from the text when a stored quote disagrees with its position", () => {
    const stale = { ...figureLosses, target: { ...figureLosses.target, exact: "280 000 soldats" } };
    const input = { ...frenchInput, annotations: [stale] };
    const quote = selectors(toW3cCollection(input).first.items[0])[1] as W3cTextQuoteSelector;
    expect(quote.exact).toBe("280.000 soldats");
    expect(runW3cValidator(serializeJsonLd(toW3cCollection(input)), input.article.text).ok).toBe(true);
  });

  it("identifies annotations by API URL with their UUID as canonical, and describes the collection", () => {
    const collection = toW3cCollection(frenchInput);
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.label).toBe(frenchInput.article.title);
    expect(collection.total).toBe(frenchInput.annotations.length);
    const first = item(frenchInput, sourceLondon.id);
    expect(first.id).toBe(`http://localhost:3000/api/v1/annotations/${sourceLondon.id}`);
    expect(first.canonical).toBe(`urn:uuid:${sourceLondon.id}`);
    expect(first.creator).toEqual({ type: "Person", name: "Marie Dubois" });
    expect(first.created).toBe(sourceLondon.createdAt);
    expect(first.modified).toBe(sourceLondon.updatedAt);
  });

  it("carries kind, status, verdict and rationale with the model's motivations", () => {
    const annotation = item(frenchInput, claimLosses.id);
    expect(annotation.motivation).toEqual(["classifying", "assessing", "commenting", "linking"]);
    expect(annotation.body.slice(0, 4)).toEqual([
      { type: "TextualBody", purpose: "classifying", value: "claim", format: "text/plain" },
      {
        type: "TextualBody",
        purpose: "assessing",
        value: "verified",
        format: "text/plain",
        creator: { type: "Person", name: "Karim Benali" },
        created: claimLosses.signedOffAt,
      },
      { type: "TextualBody", purpose: "assessing", value: "mostly_accurate", format: "text/plain", creator: { type: "Person", name: "Marie Dubois" } },
      { type: "TextualBody", purpose: "assessing", value: claimLosses.rationale, format: "text/plain", language: "fr" },
    ]);
  });

  it("links evidence as external resources and the attribution to its source annotation", () => {
    const links = item(frenchInput, claimLosses.id).body.filter((b) => b.purpose === "linking");
    expect(links).toEqual([
      {
        id: `http://localhost:3000/api/v1/annotations/${claimLosses.id}#evidence-1`,
        type: "SpecificResource",
        purpose: "linking",
        source: { id: "https://www.gov.uk/government/news/defence-intelligence-update", label: "Defence Intelligence update" },
        selector: { type: "TextQuoteSelector", exact: "Russia has likely suffered 280,000 casualties" },
      },
      {
        id: `http://localhost:3000/api/v1/annotations/${claimLosses.id}#source`,
        type: "SpecificResource",
        purpose: "linking",
        source: { id: `http://localhost:3000/api/v1/annotations/${sourceLondon.id}`, type: "Annotation" },
      },
    ]);
  });

  it("leaves out evidence whose URL could never be a safe link", () => {
    const json = serializeJsonLd(toW3cCollection(frenchInput));
    expect(json).not.toContain("javascript:");
    const links = item(frenchInput, claimKremlin.id).body.filter((b) => b.purpose === "linking");
    expect(links).toHaveLength(1);
  });

  it("carries the comment thread, and the internal note only when asked", () => {
    const json = serializeJsonLd(toW3cCollection(frenchInput));
    expect(json).not.toContain("ne pas publier");
    expect(json).not.toContain("HYPERLINK");
    expect(json).toContain("réponse attendue lundi");
    const full = toW3cCollection(withNotes(frenchInput));
    const comments = full.first.items.find((a) => a.id.endsWith(claimLosses.id))?.body.filter((b) => b.purpose === "commenting");
    expect(comments).toEqual([
      { type: "TextualBody", purpose: "commenting", value: claimLosses.note, format: "text/plain", language: "fr" },
      {
        type: "TextualBody",
        purpose: "commenting",
        value: "J’ai appelé le MoD, réponse attendue lundi.",
        format: "text/plain",
        creator: { type: "Person", name: "Karim Benali" },
        created: "2025-03-03T12:00:00.000Z",
      },
    ]);
  });
});
