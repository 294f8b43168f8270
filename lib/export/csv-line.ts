import { csvCell } from "./csv-cell";

/** One CSV record with its CRLF line end (RFC 4180). */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
