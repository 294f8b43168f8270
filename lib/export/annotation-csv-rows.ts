import { exportItems } from "./export-items";
import type { ExportArticle, ExportInput, ExportItem } from "./types";

/** The cells of one annotation's CSV record, in csvHeader's order. */
export function annotationCsvRow(article: Pick<ExportArticle, "id" | "title">, { annotation: a, source }: ExportItem, includeNotes: boolean): string[] {
  return [
    article.id,
    article.title,
    a.id,
    a.kind,
    a.target.exact,
    a.target.start === null ? "" : String(a.target.start),
    a.target.end === null ? "" : String(a.target.end),
    a.anchor,
    a.status,
    a.verdict ?? "",
    a.rationale,
    ...(includeNotes ? [a.note] : []),
    a.evidence.map((e) => e.url.trim().replace(/\s+/g, "%20")).join(" "),
    source?.exact ?? "",
    a.author.name,
    a.verdictBy?.name ?? "",
    a.status === "verified" ? (a.signedOffBy?.name ?? "") : "",
    a.createdAt,
    a.updatedAt,
  ];
}

/**
 * The CSV records of one article's annotations (cells as plain strings, in csvHeader's
 * order), in document order with orphans last. A bulk export writes the BOM and the
 * header once, then these rows article after article.
 */
export function annotationCsvRows(input: ExportInput): string[][] {
  return exportItems(input).map((item) => annotationCsvRow(input.article, item, input.options.includeNotes));
}
