import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/annotations/types";
import type { ExportInput } from "./index";
import { renderExport } from "./index";
import { englishInput } from "./__fixtures__/english-article";
import { frenchInput } from "./__fixtures__/french-article";
import { runW3cValidator } from "./__fixtures__/run-w3c-validator";
import { serializeJsonLd } from "./serialize-json-ld";
import { toW3cCollection } from "./to-w3c-collection";
import { Utf8Writer } from "./utf8-writer";
import { w3cCollectionJson } from "./w3c-json";

const withNotes = (input: ExportInput): ExportInput => ({ ...input, options: { ...input.options, includeNotes: true } });

/**
 * The French fixture bent to reach every branch of the writer: a stale quote, evidence that
 * is unsafe or has no title or passage, an attribution, text needing JSON escapes (quotes,
 * backslashes, control characters, a lone surrogate), a comment thread, an empty rationale.
 */
function tortured(): ExportInput {
  const annotations: AnnotationDto[] = frenchInput.annotations.map((a) => structuredClone(a));
  const [first, second, third] = annotations.filter((a) => a.target.start !== null);
  const source = annotations.find((a) => a.kind === "source");
  first.target.exact = "not what the text says";
  first.rationale = 'Dit "faux"\\ mais\u0001 \ud800 seul\n\tet 🇷🇺';
  first.note = "note\u2028interne";
  first.evidence = [
    { url: "javascript:alert(1)", title: "piège", quote: "x", note: "" },
    { url: "https://exemple.fr/é?q=\"1\"", title: " ", quote: "", note: "" },
    { url: "mailto:press@exemple.fr", title: "Presse", quote: "« citation »", note: "n" },
  ];
  second.sourceId = source?.id ?? null;
  second.rationale = "   ";
  third.verdictBy = null;
  return {
    ...frenchInput,
    annotations,
    comments: { ...frenchInput.comments, [third.id]: [{ id: "c1", annotationId: third.id, author: third.author, body: 'Je "regarde"', createdAt: third.createdAt }] },
  };
}

const inputs: [string, ExportInput][] = [
  ["French", frenchInput],
  ["French with notes", withNotes(frenchInput)],
  ["English", englishInput],
  ["every branch", tortured()],
  ["every branch with notes", withNotes(tortured())],
  ["no annotations", { ...frenchInput, annotations: [], comments: {} }],
];

describe("W3C collection written as UTF-8 (W3cJsonWriter)", () => {
  it.each(inputs)("%s: the same bytes as JSON.stringify of toW3cCollection, indented and compact", (_label, input) => {
    expect(w3cCollectionJson(input, true) + "\n").toBe(serializeJsonLd(toW3cCollection(input)));
    expect(w3cCollectionJson(input, false)).toBe(JSON.stringify(toW3cCollection(input)));
    expect(renderExport("w3c", input).body).toBe(serializeJsonLd(toW3cCollection(input)));
  });

  it("passes the W3C validator as renderExport writes it", () => {
    const { ok, output } = runW3cValidator(renderExport("w3c", withNotes(frenchInput)).body, frenchInput.article.text);
    expect(output).toContain("all valid");
    expect(ok).toBe(true);
  });
});

describe("Utf8Writer", () => {
  const samples = [
    "",
    "plain ascii",
    'quote " backslash \\ slash /',
    "controls \u0000\u0001\u0008\u0009\u000a\u000c\u000d\u001f\u007f",
    "accents é ü ß, typographic ’ « » and \u202f\u00a0 spaces",
    "astral 🇷🇺 👍🏽 𝄞 at the end 😀",
    "lone high \ud800 then text",
    "lone low \udc00",
    "reversed pair \udc00\ud800",
    "\ud83d",
    "line separators \u2028\u2029",
    "x".repeat(70_000) + "é",
  ];

  it("writes each string as JSON.stringify then UTF-8 would (lone surrogates escaped)", () => {
    for (const value of samples) {
      const writer = new Utf8Writer(16);
      writer.jsonString(value);
      expect(Buffer.from(writer.take()).equals(Buffer.from(JSON.stringify(value), "utf8")), value.slice(0, 40)).toBe(true);
    }
  });

  it("writes text as TextEncoder does (a lone surrogate becomes U+FFFD)", () => {
    const encoder = new TextEncoder();
    for (const value of samples) {
      const writer = new Utf8Writer(16);
      writer.text(value);
      expect(Buffer.from(writer.take()).equals(Buffer.from(encoder.encode(value))), value.slice(0, 40)).toBe(true);
    }
  });

  it("hands over what was written since the last take, and grows past its chunk size", () => {
    const writer = new Utf8Writer(4);
    writer.text("abc");
    writer.text("défg");
    expect(new TextDecoder().decode(writer.take())).toBe("abcdéfg");
    expect(writer.size).toBe(0);
    writer.bytes(new Uint8Array(100).fill(0x41));
    expect(writer.take()).toHaveLength(100);
  });
});
