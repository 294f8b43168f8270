import type { AnchorState } from "../annotations/types";
import { findQuoteMatch, SearchBudget, type QuoteSearch } from "./find-quote-match";
import { isGraphemeBoundary } from "./grapheme-boundaries";
import { mapOffsetThroughDiff, overlapsInsertedText } from "./map-offset-through-diff";
import { maxErrorsFor } from "./quote-candidates";
import { buildQuoteSelector } from "./quote-selector";
import { diffTexts, type TextChange } from "./text-diff";
import type { TextQuoteSelector, TextRange } from "./types";

/**
 * Re-anchoring after the article text changed (a new revision). Cheapest first: the old
 * range mapped through the diff, accepted if it still holds the quote; else a fuzzy search
 * for the quote and its context; else the annotation is orphaned. Nothing is ever dropped:
 * every input comes back, an orphan with its last known quote.
 *
 * Offsets are JS string offsets (code units) into the old and new canonical texts.
 */

export interface ReanchorInput extends TextQuoteSelector {
  id: string;
  /** Range in the old text; null for an annotation that is already orphaned. */
  start: number | null;
  end: number | null;
}

export interface ReanchorResult extends TextQuoteSelector {
  id: string;
  anchor: AnchorState;
  /** Range in the new text; null when orphaned. */
  start: number | null;
  end: number | null;
}

/** The annotation's range in the old text, if it has one that fits that text. */
function oldRangeOf(annotation: ReanchorInput, oldText: string): TextRange | null {
  const { start, end } = annotation;
  if (start === null || end === null || !Number.isInteger(start) || !Number.isInteger(end)) return null;
  return start >= 0 && start <= end && end <= oldText.length ? { start, end } : null;
}

function mappedRange(changes: readonly TextChange[], start: number, end: number): TextRange {
  const newStart = mapOffsetThroughDiff(changes, start, "start");
  return { start: newStart, end: Math.max(newStart, mapOffsetThroughDiff(changes, end, "end")) };
}

function holdsQuote(text: string, range: TextRange, exact: string): boolean {
  return (
    text.slice(range.start, range.end) === exact && isGraphemeBoundary(text, range.start) && isGraphemeBoundary(text, range.end)
  );
}

/**
 * Where a drifted anchor may land: on text the edit inserted, or on what became of the
 * quote's own text. Text that was already there elsewhere is another passage, however
 * alike: deleting "12 %" from "10 %, 12 %, 15 %" must orphan its annotation, not move it
 * onto "15 %", whose context now looks just the same.
 */
function admissibleFor(changes: readonly TextChange[], expected: TextRange) {
  return (range: TextRange) =>
    (range.start < expected.end && range.end > expected.start) || overlapsInsertedText(changes, range.start, range.end);
}

/** The inserted texts, widened by `pad` on each side and merged: where an admissible match can lie. */
function insertedRegions(insertions: readonly TextChange[], pad: number, textLength: number): TextRange[] {
  const regions: TextRange[] = [];
  for (const change of insertions) {
    const start = Math.max(0, change.newStart - pad);
    const end = Math.min(textLength, change.newEnd + pad);
    const last = regions.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else regions.push({ start, end });
  }
  return regions;
}

interface Revision {
  oldText: string;
  newText: string;
  changes: readonly TextChange[];
  insertions: readonly TextChange[];
  budget: SearchBudget;
}

function reanchorOne(annotation: ReanchorInput, revision: Revision): ReanchorResult {
  const { oldText, newText, changes } = revision;
  const { id, exact, prefix, suffix } = annotation;
  const oldRange = oldRangeOf(annotation, oldText);
  const expected = oldRange && mappedRange(changes, oldRange.start, oldRange.end);
  if (expected && holdsQuote(newText, expected, exact)) {
    // Same words, maybe moved: the position is kept in step, the context refreshed.
    return { id, anchor: "anchored", ...expected, ...buildQuoteSelector(newText, expected.start, expected.end) };
  }
  // Only a position that held the quote says where its text was; a stale one is a hint.
  const trusted = oldRange && expected && oldText.slice(oldRange.start, oldRange.end) === exact ? expected : null;
  const search: QuoteSearch = trusted
    ? {
        expected: trusted,
        admissible: admissibleFor(changes, trusted),
        beyond: insertedRegions(revision.insertions, exact.length + maxErrorsFor(exact), newText.length),
        budget: revision.budget,
      }
    : { expected, budget: revision.budget };
  const match = findQuoteMatch(newText, { exact, prefix, suffix }, search);
  if (match) {
    return { id, anchor: "drifted", start: match.start, end: match.end, ...buildQuoteSelector(newText, match.start, match.end) };
  }
  return { id, anchor: "orphaned", start: null, end: null, exact, prefix, suffix };
}

/**
 * Re-anchors every annotation of an article on its new text. The diff is computed once
 * and shared; each annotation then costs a binary search, unless it needs a fuzzy search.
 */
export function reanchorAnnotations(args: {
  oldText: string;
  newText: string;
  annotations: readonly ReanchorInput[];
}): ReanchorResult[] {
  const { oldText, newText, annotations } = args;
  const changes = oldText === newText ? [] : diffTexts(oldText, newText);
  const revision: Revision = {
    oldText,
    newText,
    changes,
    insertions: changes.filter((change) => change.newEnd > change.newStart),
    budget: new SearchBudget(),
  };
  return annotations.map((annotation) => reanchorOne(annotation, revision));
}
