import fastDiff from "fast-diff";
import { bestSlide } from "./slide-edit";
import { isHighSurrogate, isLowSurrogate } from "./surrogates";

/** One place where two texts differ: old [oldStart, oldEnd) became new [newStart, newEnd). */
export interface TextChange {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * A character diff costs O((n + m) · d) and fast-diff has no deadline: diffing a rewritten
 * 20,000-word article character by character takes minutes. So the diff narrows down first:
 * common head and tail, then changed lines, changed sentences, changed words, and only
 * small regions are diffed character by character. Whatever still exceeds the work budget
 * stays one coarse change; annotations inside it are then found by the fuzzy search.
 */
/** Regions up to this size are diffed by character at once (at worst ~1 ms each). */
const DIRECT_CHAR_DIFF_UNITS = 400;
const MAX_TOKENS = 4_000;
/**
 * Work is estimated as size² + 170·size for a region of `size` code units (or tokens):
 * the worst case of a Myers diff plus fast-diff's per-character overhead, fitted on
 * rewritten prose, where fast-diff gets through about 1.7·10⁵ such units per millisecond.
 * The budget caps a diff at roughly 100 ms; a small edit costs a few thousand units.
 */
const WORK_BUDGET = 16_000_000;
/**
 * Lines (so paragraphs), sentences, words: each token keeps its trailing separator. Blank
 * lines stay with the line before them: as tokens of their own they would all be equal,
 * and one paragraph merge would let the diff pair every later paragraph with its neighbour.
 */
const TOKENIZERS = [/(?<=\n)(?=[^\n])/, /(?<=[.!?…]["»”’)]*\s)/, /(?<=\s)/];

class DiffBuilder {
  readonly changes: TextChange[] = [];
  private budget = WORK_BUDGET;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
  ) {}

  region(oldStart: number, oldEnd: number, newStart: number, newEnd: number, level: number): void {
    const { oldText, newText } = this;
    const [outerOldStart, outerOldEnd] = [oldStart, oldEnd];
    while (oldStart < oldEnd && newStart < newEnd && oldText.charCodeAt(oldStart) === newText.charCodeAt(newStart)) {
      oldStart++;
      newStart++;
    }
    while (oldStart < oldEnd && newStart < newEnd && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
      oldEnd--;
      newEnd--;
    }
    // Keep regions on code point boundaries, as fast-diff itself does.
    if (oldStart > outerOldStart && isHighSurrogate(oldText.charCodeAt(oldStart - 1))) {
      oldStart--;
      newStart--;
    }
    if (oldEnd < outerOldEnd && isLowSurrogate(oldText.charCodeAt(oldEnd))) {
      oldEnd++;
      newEnd++;
    }

    const size = oldEnd - oldStart + (newEnd - newStart);
    if (oldStart === oldEnd || newStart === newEnd) {
      // Slide within what was trimmed: outside this region the alignment is settled.
      const min = outerOldStart - oldStart;
      const max = outerOldEnd - oldEnd;
      const shift = oldStart === oldEnd ? bestSlide(newText, newStart, newEnd, min, max) : bestSlide(oldText, oldStart, oldEnd, min, max);
      return this.push(oldStart + shift, oldEnd + shift, newStart + shift, newEnd + shift);
    }
    if (size <= DIRECT_CHAR_DIFF_UNITS && this.spend(size)) return this.charDiff(oldStart, oldEnd, newStart, newEnd);
    if (level < TOKENIZERS.length && this.tokenDiff(oldStart, oldEnd, newStart, newEnd, level)) return;
    if (this.spend(size)) return this.charDiff(oldStart, oldEnd, newStart, newEnd);
    this.push(oldStart, oldEnd, newStart, newEnd);
  }

  /** Takes the estimated work of diffing `size` units from the budget, if it is there. */
  private spend(size: number): boolean {
    const work = size * size + 170 * size;
    if (work > this.budget) return false;
    this.budget -= work;
    return true;
  }

  private push(oldStart: number, oldEnd: number, newStart: number, newEnd: number): void {
    if (oldStart === oldEnd && newStart === newEnd) return;
    const last = this.changes.at(-1);
    if (last && last.oldEnd === oldStart && last.newEnd === newStart) {
      last.oldEnd = oldEnd;
      last.newEnd = newEnd;
    } else {
      this.changes.push({ oldStart, oldEnd, newStart, newEnd });
    }
  }

  private charDiff(oldStart: number, oldEnd: number, newStart: number, newEnd: number): void {
    let o = oldStart;
    let n = newStart;
    // Semantic cleanup drops chance one-letter equalities inside rewritten passages, so
    // that a rewritten sentence maps as one change instead of a scatter of them.
    for (const [op, chunk] of fastDiff(this.oldText.slice(oldStart, oldEnd), this.newText.slice(newStart, newEnd), undefined, true)) {
      if (op === fastDiff.DELETE) this.push(o, o + chunk.length, n, n);
      else if (op === fastDiff.INSERT) this.push(o, o, n, n + chunk.length);
      if (op !== fastDiff.INSERT) o += chunk.length;
      if (op !== fastDiff.DELETE) n += chunk.length;
    }
  }

  /** Diffs the region token by token and refines each changed run; false if too large. */
  private tokenDiff(oldStart: number, oldEnd: number, newStart: number, newEnd: number, level: number): boolean {
    const oldTokens = this.oldText.slice(oldStart, oldEnd).split(TOKENIZERS[level]);
    const newTokens = this.newText.slice(newStart, newEnd).split(TOKENIZERS[level]);
    const count = oldTokens.length + newTokens.length;
    if (count > MAX_TOKENS || !this.spend(count)) return false;
    // Each distinct token becomes one code unit, so fast-diff diffs tokens. There are at
    // most MAX_TOKENS of them: the ids stay below the surrogate range.
    const ids = new Map<string, string>();
    const encode = (tokens: string[]) =>
      tokens
        .map((token) => {
          let id = ids.get(token);
          if (id === undefined) {
            id = String.fromCharCode(ids.size);
            ids.set(token, id);
          }
          return id;
        })
        .join("");
    const oldIds = encode(oldTokens);
    const newIds = encode(newTokens);

    let o = oldStart;
    let n = newStart;
    let oi = 0;
    let ni = 0;
    let pending: [number, number] | null = null;
    for (const [op, chunk] of fastDiff(oldIds, newIds)) {
      if (op === fastDiff.EQUAL && pending) {
        this.region(pending[0], o, pending[1], n, level + 1);
        pending = null;
      } else if (op !== fastDiff.EQUAL) {
        pending ??= [o, n];
      }
      for (let k = 0; k < chunk.length; k++) {
        if (op !== fastDiff.INSERT) o += oldTokens[oi++].length;
        if (op !== fastDiff.DELETE) n += newTokens[ni++].length;
      }
    }
    if (pending) this.region(pending[0], o, pending[1], n, level + 1);
    return true;
  }
}

/** Where `oldText` and `newText` differ, in ascending order. Computed once per revision. */
export function diffTexts(oldText: string, newText: string): TextChange[] {
  const builder = new DiffBuilder(oldText, newText);
  builder.region(0, oldText.length, 0, newText.length, 0);
  return builder.changes;
}
