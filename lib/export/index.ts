import { contentDisposition } from "./content-disposition";
import { exportFileName } from "./export-file-name";
import { serializeJsonLd } from "./serialize-json-ld";
import { toAnnotatedHtml } from "./to-annotated-html";
import { toClaimReview } from "./to-claim-review";
import { toCsv } from "./to-csv";
import { toMarkdown } from "./to-markdown";
import { toW3cCollection } from "./to-w3c-collection";
import { w3cCollectionJson } from "./w3c-json";
import type { ExportInput } from "./types";

export const EXPORT_FORMATS = ["w3c", "claimreview", "html", "markdown", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RenderedExport {
  body: string;
  contentType: string;
  fileName: string;
}

export const W3C_CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

const FORMATS: Record<ExportFormat, { contentType: string; extension: string; render: (input: ExportInput) => string }> = {
  w3c: { contentType: W3C_CONTENT_TYPE, extension: "annotations.jsonld", render: (i) => `${w3cCollectionJson(i, true)}\n` },
  claimreview: { contentType: "application/ld+json", extension: "claimreview.jsonld", render: (i) => serializeJsonLd(toClaimReview(i)) },
  html: { contentType: "text/html; charset=utf-8", extension: "html", render: toAnnotatedHtml },
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md", render: toMarkdown },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv", render: toCsv },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** One article in one export format, with what the HTTP response needs around it. */
export function renderExport(format: ExportFormat, input: ExportInput): RenderedExport {
  const { contentType, extension, render } = FORMATS[format];
  return {
    body: render(input),
    contentType,
    fileName: exportFileName(input.article.title, `article-${input.article.id}`, extension),
  };
}

export { contentDisposition };
export { annotationCsvRow, annotationCsvRows } from "./annotation-csv-rows";
export { CSV_BOM } from "./csv-bom";
export { csvHeader } from "./csv-header";
export { csvLine } from "./csv-line";
export { writeCsvRecord } from "./csv-record";
export { Utf8Writer } from "./utf8-writer";
export { exportConfigFromEnv } from "./export-config-from-env";
export { exportFileName } from "./export-file-name";
export type { ImportedAnnotation } from "./imported-annotation";
export { parseW3cCollection } from "./parse-w3c-collection";
export { serializeJsonLd, toAnnotatedHtml, toClaimReview, toCsv, toMarkdown, toW3cCollection };
export { exportItems } from "./export-items";
export { W3cJsonWriter, w3cCollectionJson } from "./w3c-json";
export type { ExportArticle, ExportInput, ExportItem, ExportOptions } from "./types";
