import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/annotations/types";
import { annotationDto } from "@/lib/annotations/__fixtures__/annotation-dto";
import { packAnnotations, textQuotes, unpackAnnotations } from "./annotation-payload";

const ARTICLE = "0b8e6a4e-1a0f-4f7e-9a55-4f1c2b0d9e10";
const rita = { id: "5c0f4b1e-7d1e-4f3a-8a8e-2b7c1d9e0f11", name: "Rita Second" };
/** The article's text: the fixture's quote (3…12, in code points) is what it holds there. */
const TEXT = "La marine 🇷🇺 russe";
const quotes = textQuotes(TEXT);
const remi = { id: "6d1a5c2f-8e2f-4a4b-9b9f-3c8d2e0f1a22", name: "Rémi Reviewer" };

function annotation(id: string, extra: Partial<AnnotationDto> = {}): AnnotationDto {
  return annotationDto({
    id,
    articleId: ARTICLE,
    author: remi,
    target: { start: 3, end: 12, exact: "marine 🇷🇺", prefix: "La ", suffix: " russe" },
    createdAt: "2026-11-20T10:00:00.000Z",
    updatedAt: "2026-11-20T10:00:00.000Z",
    ...extra,
  });
}

describe("annotation payload", () => {
  it("gives back exactly the annotations it packed, in order", () => {
    const list = [
      annotation("a1"),
      annotation("a2", {
        kind: "figure",
        status: "verified",
        verdict: "false",
        anchor: "drifted",
        note: "À vérifier « vite »",
        rationale: "Pas de doublement.\nVoir l’IISS.",
        sourceId: "a3",
        evidence: [
          { url: "https://www.iiss.org/", title: "IISS", quote: "une hausse", note: "" },
          { url: "https://example.org/</script>", title: "", quote: "", note: "n" },
        ],
        author: rita,
        verdictBy: remi,
        signedOffBy: rita,
        signedOffAt: "2026-11-21T08:00:00.000Z",
        revision: 2,
        version: 7,
        updatedAt: "2026-11-21T08:00:00.000Z",
      }),
      annotation("a3", { kind: "source", anchor: "orphaned", target: { start: null, end: null, exact: "cité par TASS", prefix: "", suffix: "." } }),
    ];
    const packed = packAnnotations(list, quotes);
    expect(typeof packed).toBe("string");
    expect(unpackAnnotations(packed, ARTICLE, quotes)).toEqual(list);
    // Without the text, every quote travels.
    expect(unpackAnnotations(packAnnotations(list), ARTICLE, quotes)).toEqual(list);
  });

  it("leaves out the quotes the text gives back, and keeps the others", () => {
    const held = annotation("held");
    const moved = annotation("moved", { anchor: "drifted", target: { start: 3, end: 12, exact: "marine 🇷🇺", prefix: "La ", suffix: " russe." } });
    const orphan = annotation("orphan", { anchor: "orphaned", target: { start: null, end: null, exact: "cité par TASS", prefix: "", suffix: "" } });
    const packed = packAnnotations([held, moved, orphan], quotes);
    expect(packed.split("marine").length - 1).toBe(1);
    expect(packed).toContain(" russe.");
    expect(packed).toContain("cité par TASS");
    expect(unpackAnnotations(packed, ARTICLE, quotes)).toEqual([held, moved, orphan]);
  });

  it("keeps timestamps that are not in toISOString's form as they are", () => {
    const odd = annotation("odd", { createdAt: "2026-11-20T10:00:00Z", updatedAt: "2026-11-20T11:00:00.000Z", signedOffAt: "2026-11-20T12:00:00+01:00" });
    const exact = annotation("exact", { updatedAt: "2026-11-22T09:30:00.250Z", signedOffAt: "2026-11-22T09:30:00.250Z" });
    expect(unpackAnnotations(packAnnotations([odd, exact], quotes), ARTICLE, quotes)).toEqual([odd, exact]);
  });

  it("is much smaller than the annotations as JSON", () => {
    const list = Array.from({ length: 200 }, (_, i) => annotation(`id-${i}`, { author: i % 2 ? rita : remi }));
    expect(packAnnotations(list).length).toBeLessThan(JSON.stringify(list).length * 0.6);
    expect(packAnnotations(list, quotes).length).toBeLessThan(JSON.stringify(list).length * 0.4);
    expect(unpackAnnotations(packAnnotations([]), ARTICLE, quotes)).toEqual([]);
  });
});
