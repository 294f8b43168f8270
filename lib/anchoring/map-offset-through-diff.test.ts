import { describe, expect, it } from "vitest";
import { mapOffsetThroughDiff } from "./map-offset-through-diff";
import { diffTexts } from "./text-diff";

function mapRange(oldText: string, newText: string, start: number, end: number): string {
  const changes = diffTexts(oldText, newText);
  return newText.slice(mapOffsetThroughDiff(changes, start, "start"), mapOffsetThroughDiff(changes, end, "end"));
}

describe("mapOffsetThroughDiff", () => {
  it("shifts offsets after an edit and leaves those before it", () => {
    const changes = diffTexts("aaa bbb ccc", "aaa XX bbb ccc");
    expect(mapOffsetThroughDiff(changes, 2, "start")).toBe(2);
    expect(mapOffsetThroughDiff(changes, 8, "start")).toBe(11);
    expect(mapOffsetThroughDiff(changes, 11, "end")).toBe(14);
  });

  it("does not grow a range over text typed right at its edges", () => {
    expect(mapRange("le 87 % du", "le 87 %, du", 3, 7)).toBe("87 %");
    expect(mapRange("le 87 % du", "le ~87 % du", 3, 7)).toBe("87 %");
  });

  it("moves an edge inside replaced text outwards, over the replacement", () => {
    // "230.000" → "280.000": the range still covers the figure.
    expect(mapRange("soit 230.000 hommes", "soit 280.000 hommes", 5, 12)).toBe("280.000");
    expect(mapRange("aaa bbb ccc", "aaa XYZ ccc", 5, 9)).toBe("XYZ c");
  });

  it("collapses a range whose text was deleted onto the place it was", () => {
    // The diff deletes " deux" (a word with the space before it): the range collapses there.
    const changes = diffTexts("un deux trois", "un trois");
    expect(changes).toEqual([{ oldStart: 2, oldEnd: 7, newStart: 2, newEnd: 2 }]);
    expect(mapOffsetThroughDiff(changes, 3, "start")).toBe(2);
    expect(mapOffsetThroughDiff(changes, 7, "end")).toBe(2);
    expect(mapOffsetThroughDiff(changes, 8, "start")).toBe(3);
  });

  it("is the identity without changes", () => {
    expect(mapOffsetThroughDiff([], 42, "end")).toBe(42);
  });
});
