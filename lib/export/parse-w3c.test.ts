import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/annotations/types";
import { AppError } from "@/lib/api/errors";
import { englishInput } from "./__fixtures__/english-article";
import { frenchInput } from "./__fixtures__/french-article";
import type { ImportedAnnotation } from "./imported-annotation";
import { parseW3cCollection } from "./parse-w3c-collection";
import { safeUrl } from "./safe-url";
import { serializeJsonLd } from "./serialize-json-ld";
import { toW3cCollection } from "./to-w3c-collection";
import type { ExportInput } from "./types";

/** What an import should give back for an exported annotation. */
function expected(a: AnnotationDto, includeNotes: boolean): ImportedAnnotation {
  const { start, end, exact, prefix, suffix } = a.target;
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    verdict: a.verdict,
    rationale: a.rationale,
    ...(includeNotes && a.note ? { note: a.note } : {}),
    target: start === null || end === null ? { exact, prefix, suffix } : { start, end, exact, prefix, suffix },
    // Unsafe URLs are not exported; evidence notes are internal and have no W3C home.
    evidence: a.evidence.filter((e) => safeUrl(e.url)).map((e) => ({ url: e.url, title: e.title, quote: e.quote, note: "" })),
    ...(a.sourceId ? { sourceRef: a.sourceId } : {}),
  };
}

const roundTrip = (input: ExportInput) => parseW3cCollection(JSON.parse(serializeJsonLd(toW3cCollection(input))));
const byId = (list: ImportedAnnotation[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));

function importError(json: unknown): AppError {
  try {
    parseW3cCollection(json);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the import to fail");
}

describe("parseW3cCollection: importing an export back", () => {
  it.each([
    ["French, public", frenchInput, false],
    ["French, with notes", { ...frenchInput, options: { ...frenchInput.options, includeNotes: true } }, true],
    ["English", englishInput, false],
  ] as const)("gives back the same annotations (%s)", (_label, input, includeNotes) => {
    expect(byId(roundTrip(input))).toEqual(byId(input.annotations.map((a) => expected(a, includeNotes))));
  });

  it("keeps a rationale that reads like a verdict code as a rationale", () => {
    const [first] = frenchInput.annotations;
    const input = { ...frenchInput, annotations: [{ ...first, verdict: null, sourceId: null, rationale: "false" }] };
    const [back] = roundTrip(input);
    expect(back.verdict).toBeNull();
    expect(back.rationale).toBe("false");
  });

  it("reads a minimal collection written by another tool", () => {
    const [back] = parseW3cCollection({
      "@context": ["http://www.w3.org/ns/anno.jsonld"],
      type: "AnnotationCollection",
      first: {
        type: "AnnotationPage",
        items: [
          {
            id: "urn:uuid:3f6c1b2a-9d8e-4f7a-8b6c-5d4e3f2a1b0c",
            type: "Annotation",
            body: [{ type: "TextualBody", purpose: "classifying", value: "figure" }, "https://insee.fr/fr/statistiques/1234"],
            target: { source: "https://example.org/a", selector: { type: "TextQuoteSelector", exact: "87 %" } },
          },
        ],
      },
    });
    expect(back).toEqual({
      id: "3f6c1b2a-9d8e-4f7a-8b6c-5d4e3f2a1b0c",
      kind: "figure",
      status: "unverified",
      verdict: null,
      rationale: "",
      target: { exact: "87 %", prefix: "", suffix: "" },
      evidence: [{ url: "https://insee.fr/fr/statistiques/1234", title: "", quote: "", note: "" }],
    });
  });

  it("refuses what is not an annotation collection, saying so", () => {
    const error = importError({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation" });
    expect(error.code).toBe("validation_failed");
    expect(error.status).toBe(422);
    expect(error.options.fields).toMatchObject({ type: "must be AnnotationCollection", first: expect.any(String) });
    expect(importError([]).message).toMatch(/W3C collection cannot be imported/);
    expect(importError({ type: "AnnotationCollection", first: { items: [] } }).options.fields).toHaveProperty("@context");
  });

  it("refuses a paged collection rather than importing half of it", () => {
    const json = JSON.parse(serializeJsonLd(toW3cCollection(englishInput)));
    json.first.next = "http://localhost:3000/page-2";
    expect(importError(json).message).toContain("first.next: paged collections are not supported");
  });

  it("names every faulty annotation field at once", () => {
    const json = JSON.parse(serializeJsonLd(toW3cCollection(englishInput)));
    json.first.items[0].body[0].value = "opinion";
    json.first.items[1].target.selector[0].end = json.first.items[1].target.selector[0].start - 1;
    json.first.items[2].target.selector = [{ type: "TextPositionSelector", start: 0, end: 4 }];
    json.first.items[2].body.push({ type: "TextualBody", purpose: "assessing", value: "misleading" });
    const error = importError(json);
    expect(error.options.fields).toEqual({
      "first.items[0].body[0].value": "kind must be one of claim, figure, source",
      "first.items[0].body": "no classifying body naming the kind (claim, figure, source)",
      "first.items[1].target.selector[0].end": "must be ≥ start",
      "first.items[2].body[3].value": "a second verdict; an annotation has one",
      "first.items[2].target.selector": "has no TextQuoteSelector (the quote is what anchors an annotation)",
    });
    expect(error.message).toContain("first.items[0].body[0].value: kind must be one of claim, figure, source");
  });

  it("refuses a position that cannot hold its quote", () => {
    const json = JSON.parse(serializeJsonLd(toW3cCollection(englishInput)));
    json.first.items[0].target.selector[0].end += 2;
    expect(importError(json).options.fields).toEqual({
      "first.items[0].target.selector[0]": expect.stringMatching(/^covers \d+ code points but the quote has \d+$/),
    });
  });

  it("refuses a collection whose total does not match its items", () => {
    const json = JSON.parse(serializeJsonLd(toW3cCollection(englishInput)));
    json.total = 7;
    expect(importError(json).options.fields).toEqual({ total: "says 7 annotations but the page holds 3" });
  });
});
