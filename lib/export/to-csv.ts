import { annotationCsvRows } from "./annotation-csv-rows";
import { CSV_BOM } from "./csv-bom";
import { csvHeader } from "./csv-header";
import { csvLine } from "./csv-line";
import type { ExportInput } from "./types";

/** The CSV file of one article: BOM, header, one row per annotation (see csvHeader). */
export function toCsv(input: ExportInput): string {
  const lines = [csvHeader(input.options.includeNotes), ...annotationCsvRows(input)].map(csvLine);
  return CSV_BOM + lines.join("");
}
