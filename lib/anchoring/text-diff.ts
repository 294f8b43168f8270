import fastDiff from "fast-diff";
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
const DIRECT_CHAR_DIFF_UNITS = 2_000;
const MAX_TOKENS = 4_000;
/** In units of (region size)², the worst case of a Myers diff: about 100 ms of work. */
const WORK_BUDGET = 40_000_000;
const TOKENIZERS = [/(?<=\n)/, /(?<=[.!?…]["»”’)]*\s)/, /(?<=\s)/];
/** Token ids become BMP code units for fast-diff, skipping the surrogate range. */
const MAX_TOKEN_IDS = 0xffff - 0x800;

class DiffBuilder {
  readonly changes: TextChange[] = [];
  private budget = WORK_BUDGET;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
  ) {}

  region(oldStart: number, oldEnd: number, newStart: number, newEnd: number, level: number): void {
    const { oldText, newText } = this;
    while (oldStart < oldEnd && newStart < newEnd && oldText.charCodeAt(oldStart) === newText.charCodeAt(newStart)) {
      oldStart++;
      newStart++;
    }
    while (oldStart < oldEnd && newStart < newEnd && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
      oldEnd--;
      newEnd--;
    }
    // Keep regions on code point boundaries, as fast-diff itself does.
    if (oldStart > 0 && isHighSurrogate(oldText.charCodeAt(oldStart - 1))) {
      oldStart--;
      newStart--;
    }
    if (oldEnd < oldText.length && isLowSurrogate(oldText.charCodeAt(oldEnd))) {
      oldEnd++;
      newEnd++;
    }

    const size = oldEnd - oldStart + (newEnd - newStart);
    if (oldStart === oldEnd || newStart === newEnd) return this.push(oldStart, oldEnd, newStart, newEnd);
    if (size <= DIRECT_CHAR_DIFF_UNITS && this.spend(size * size)) return this.charDiff(oldStart, oldEnd, newStart, newEnd);
    if (level < TOKENIZERS.length && this.tokenDiff(oldStart, oldEnd, newStart, newEnd, level)) return;
    if (this.spend(size * size)) return this.charDiff(oldStart, oldEnd, newStart, newEnd);
    this.push(oldStart, oldEnd, newStart, newEnd);
  }

  private spend(work: number): boolean {
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
    if (count > MAX_TOKENS || !this.spend(count * count)) return false;
    const ids = new Map<string, string>();
    const encode = (tokens: string[]) =>
      tokens.map((token) => {
        let id = ids.get(token);
        if (id === undefined) {
          const n = ids.size;
          id = String.fromCharCode(n < 0xd800 ? n : n + 0x800);
          ids.set(token, id);
        }
        return id;
      });
    const oldIds = encode(oldTokens).join("");
    const newIds = encode(newTokens).join("");
    if (ids.size > MAX_TOKEN_IDS) return false;

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
