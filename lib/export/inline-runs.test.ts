import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/annotations/types";
import { frenchAnnotations, frenchArticle, frenchInput } from "./__fixtures__/french-article";
import { layoutAnnotations } from "./annotation-layout";
import { inlineRuns } from "./inline-runs";

const chars = Array.from(frenchArticle.text);
const template = frenchAnnotations[0];

function at(id: string, start: number, end: number): AnnotationDto {
  return { ...template, id, sourceId: null, target: { start, end, exact: chars.slice(start, end).join(""), prefix: "", suffix: "" } };
}

const ranges = fc.array(
  fc.tuple(fc.nat(chars.length), fc.nat(chars.length)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
  { maxLength: 12 },
);

describe("inlineRuns", () => {
  it("rebuilds every textblock's text exactly", () => {
    const layout = layoutAnnotations(frenchInput);
    const blocks = inlineRuns(layout).map((runs) =>
      runs.map((r) => (r.type === "text" ? r.text : r.type === "break" ? "\n" : "")).join(""),
    );
    expect(blocks.join("\n\n")).toBe(frenchArticle.text);
  });

  it("covers each annotation's words exactly once and gives it one reference, whatever the overlaps", () => {
    fc.assert(
      fc.property(ranges, (list) => {
        const annotations = list.map(([s, e], i) => at(`p${i}`, s, e));
        const layout = layoutAnnotations({ ...frenchInput, annotations });
        const runs = inlineRuns(layout).flat();
        for (const p of layout.placed) {
          const covered = runs
            .filter((r) => r.type === "text" && r.covering.includes(p))
            .map((r) => (r.type === "text" ? r.text : ""))
            .join("");
          expect(covered).toBe(p.annotation.target.exact.replace(/\n/g, ""));
          expect(runs.filter((r) => r.type === "ref" && r.annotation === p)).toHaveLength(1);
        }
        // Only a range made of block separators alone has nowhere to be drawn.
        for (const d of layout.detached) expect(d.annotation.target.exact.replace(/\n/g, "")).toBe("");
      }),
      { numRuns: 200 },
    );
  });

  it("lists as detached a range whose text no longer matches the document", () => {
    const stale = { ...frenchInput, article: { ...frenchArticle, text: frenchArticle.text.replace("280.000", "280 000") } };
    const layout = layoutAnnotations({ ...stale, annotations: [at("x", 30, 50), at("y", 0, 5)] });
    expect(layout.detached.map((d) => d.annotation.id)).toEqual(["x"]);
    expect(layout.placed.map((d) => d.annotation.id)).toEqual(["y"]);
  });
});
