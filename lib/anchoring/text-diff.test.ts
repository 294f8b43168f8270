import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyStringArb, paragraphsArb } from "./__fixtures__/arbitraries";
import { BLOCK_SEPARATOR } from "./canonical-text";
import { splitsSurrogatePair } from "./surrogates";
import { diffTexts, type TextChange } from "./text-diff";

/** Property tests run hundreds of cases; a busy CI machine must not turn them into timeouts. */
const PROPERTY_TIMEOUT = 60_000;

/** Rebuilds the new text from the old one and the changes; checks they are ordered and apart. */
function replay(oldText: string, newText: string, changes: TextChange[]): string {
  let out = "";
  let o = 0;
  let n = 0;
  for (const change of changes) {
    expect(change.oldStart).toBeGreaterThanOrEqual(o);
    expect(change.oldStart - o).toBe(change.newStart - n);
    expect(change.oldStart > o || o === 0).toBe(true);
    out += oldText.slice(o, change.oldStart) + newText.slice(change.newStart, change.newEnd);
    o = change.oldEnd;
    n = change.newEnd;
  }
  return out + oldText.slice(o);
}

function scramble(text: string, seed: number): string {
  const words = text.split(" ");
  return words.map((_, i) => words[(i * 7919 + seed) % words.length]).join(" ");
}

describe("diffTexts", () => {
  it("finds nothing in equal texts and one change for one edit", () => {
    expect(diffTexts("même texte", "même texte")).toEqual([]);
    expect(diffTexts("230.000 hommes", "280.000 hommes")).toEqual([{ oldStart: 1, oldEnd: 2, newStart: 1, newEnd: 2 }]);
    expect(diffTexts("ab", "aXb")).toEqual([{ oldStart: 1, oldEnd: 1, newStart: 1, newEnd: 2 }]);
  });

  it("puts a deleted or inserted paragraph on its paragraph breaks, even when its neighbour starts alike", () => {
    const oldText = "Intro.\n\nSelon l’AFP, 10 morts.\n\nSelon Reuters, 12 morts.";
    const newText = "Intro.\n\nSelon Reuters, 12 morts.";
    const [deletion] = diffTexts(oldText, newText);
    expect(oldText.slice(deletion.oldStart, deletion.oldEnd)).toBe("\n\nSelon l’AFP, 10 morts.");
    const [insertion] = diffTexts(newText, oldText);
    expect(oldText.slice(insertion.newStart, insertion.newEnd)).toBe("\n\nSelon l’AFP, 10 morts.");
  });

  it("keeps paragraphs aligned when an edit merges two of them", () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraphe ${i}, selon l’agence, ${i * 37} morts et ${i * 11} blessés.`);
    const oldText = paragraphs.join(BLOCK_SEPARATOR);
    // Every paragraph gets a small edit, and the first edit also eats a paragraph break.
    const edited = paragraphs.map((p) => p.replace("selon", "d’après"));
    const newText = edited.join(BLOCK_SEPARATOR).replace(`morts et 0 blessés.${BLOCK_SEPARATOR}`, "morts et 0 blessés. ");
    const changes = diffTexts(oldText, newText);
    expect(replay(oldText, newText, changes)).toBe(newText);
    for (const change of changes) expect(change.oldEnd - change.oldStart).toBeLessThanOrEqual(6);
  });

  it("never cuts a surrogate pair", () => {
    const changes = diffTexts("🇷🇺", "🇷🇪");
    expect(changes).toHaveLength(1);
    expect(splitsSurrogatePair("🇷🇺", changes[0].oldStart)).toBe(false);
    expect(splitsSurrogatePair("🇷🇺", changes[0].oldEnd)).toBe(false);
  });

  it("describes the edit exactly: replaying it on the old text gives the new text", () => {
    fc.assert(
      fc.property(anyStringArb, anyStringArb, (a, b) => {
        expect(replay(a, b, diffTexts(a, b))).toBe(b);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(paragraphsArb, paragraphsArb, fc.nat(), (a, b, cut) => {
        const oldText = a.join(BLOCK_SEPARATOR);
        const newText = [...a.slice(0, cut % a.length), ...b, ...a.slice(cut % a.length)].join(BLOCK_SEPARATOR);
        expect(replay(oldText, newText, diffTexts(oldText, newText))).toBe(newText);
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);

  it("keeps a rewritten long article cheap by giving up on a character diff of it", () => {
    // A character diff of these would take minutes with fast-diff alone.
    const base = Array.from({ length: 6_000 }, (_, i) => `mot${(i * 31) % 997}`).join(" ");
    const oldText = base;
    const newText = scramble(base, 17);
    const changes = diffTexts(oldText, newText);
    expect(replay(oldText, newText, changes)).toBe(newText);
  });

  it("still diffs precisely around small edits in a long article", () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraphe ${i} : selon les services britanniques, ${i * 1000} soldats.`);
    const oldText = paragraphs.join(BLOCK_SEPARATOR);
    const edited = [...paragraphs];
    for (let i = 0; i < 400; i += 20) edited[i] = edited[i].replace("services", "sevrices");
    const newText = edited.join(BLOCK_SEPARATOR);
    const changes = diffTexts(oldText, newText);
    expect(replay(oldText, newText, changes)).toBe(newText);
    // Each swap of two letters is one or two small changes, never a whole paragraph.
    expect(changes.length).toBeGreaterThanOrEqual(20);
    expect(changes.length).toBeLessThanOrEqual(40);
    for (const change of changes) expect(change.oldEnd - change.oldStart).toBeLessThanOrEqual(2);
  });
});
