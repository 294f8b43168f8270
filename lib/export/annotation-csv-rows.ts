import { attributedSource } from "./attributed-source";
import { byDocumentOrder } from "./document-order";
import type { ExportInput } from "./types";

/**
 * The CSV records of one article's annotations (cells as plain strings, in csvHeader's
 * order), in document order with orphans last. A bulk export writes the BOM and the
 * header once, then these rows article after article.
 */
export function annotationCsvRows(input: ExportInput): string[][] {
  const { article, options } = input;
  return [...input.annotations].sort(byDocumentOrder).map((a) => [
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
    ...(options.includeNotes ? [a.note] : []),
    a.evidence.map((e) => e.url.trim().replace(/\s+/g, "%20")).join(" "),
    attributedSource(input.annotations, a)?.target.exact ?? "",
    a.author.name,
    a.verdictBy?.name ?? "",
    a.status === "verified" ? (a.signedOffBy?.name ?? "") : "",
    a.createdAt,
    a.updatedAt,
  ]);
}
