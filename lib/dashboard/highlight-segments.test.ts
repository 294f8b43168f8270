import { describe, expect, it } from "vitest";
import { highlightSegments } from "./highlight-segments";

describe("highlightSegments", () => {
  it("counts offsets in code points, so text after an emoji flag is cut in the right place", () => {
    const text = "Patrouilles 🇷🇺 doublées : 280.000 tonnes";
    const start = Array.from("Patrouilles 🇷🇺 doublées : ").length;
    const segments = highlightSegments(text, [{ id: "f", start, end: start + Array.from("280.000").length }]);
    expect(segments).toEqual([
      { text: "Patrouilles 🇷🇺 doublées : ", ids: [] },
      { text: "280.000", ids: ["f"] },
      { text: " tonnes", ids: [] },
    ]);
  });

  it("splits overlapping annotations into stretches and leaves orphans out", () => {
    const segments = highlightSegments("abcdefgh", [
      { id: "x", start: 1, end: 5 },
      { id: "y", start: 3, end: 7 },
      { id: "orphan", start: null, end: null },
      { id: "outside", start: 4, end: 99 },
    ]);
    expect(segments).toEqual([
      { text: "a", ids: [] },
      { text: "bc", ids: ["x"] },
      { text: "de", ids: ["x", "y"] },
      { text: "fg", ids: ["y"] },
      { text: "h", ids: [] },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe("abcdefgh");
  });
});
