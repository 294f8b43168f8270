/** Edits applied to a text in tests: replace [start, end) with `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/** Applies non-overlapping edits (given in old-text offsets) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
  }
  return out;
}

/** Where `offset` of the old text ends up once `edits` are applied (offset outside all of them). */
export function shiftThroughEdits(offset: number, edits: readonly TextEdit[]): number {
  return edits.reduce((at, edit) => (edit.end <= offset ? at + edit.insert.length - (edit.end - edit.start) : at), offset);
}

/** Grapheme cluster boundaries of `text`, ascending, with its length last. */
export function graphemeBoundaries(text: string): number[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return [...[...segmenter.segment(text)].map((s) => s.index), text.length];
}
