import type { Utf8Writer } from "./utf8-writer";

/** Characters that make a spreadsheet read a cell as a formula (as in csvCell). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * csvLine(cells) written straight into `out` as UTF-8 (the same bytes as encoding it), for
 * the streamed exports: no line string is built. Cells are guarded and quoted as by csvCell.
 */
export function writeCsvRecord(out: Utf8Writer, cells: readonly string[]): void {
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out.text(",");
    const value = cells[i];
    const safe = FORMULA_START.test(value) ? `'${value}` : value;
    if (NEEDS_QUOTES.test(safe)) out.text(`"${safe.replace(QUOTE, '""')}"`);
    else out.text(safe);
  }
  out.text("\r\n");
}
