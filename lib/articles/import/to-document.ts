import { canonicalText } from "@/lib/anchoring/canonical-text";
import { parseDocument, type DocJson } from "@/lib/editor/schema";
import { htmlToDocument } from "./html-to-document";
import { markdownToHtml } from "./markdown-to-html";
import { textToDocument } from "./text-to-document";
import { tidyDocument } from "./tidy-document";
import type { ImportedDocument, ImportInput } from "./types";

export type { ImportedDocument, ImportFormat, ImportInput } from "./types";

/**
 * Turns a pasted or uploaded article body into an editor document and its canonical text.
 * HTML is sanitized, Markdown goes through HTML, plain text is taken verbatim (see
 * `textToDocument`); all three are tidied the same way and checked against the editor
 * schema, so what is stored is exactly what the editor can open.
 */
export function toDocument({ format, body }: ImportInput): ImportedDocument {
  const parsed =
    format === "text" ? textToDocument(body) : htmlToDocument(format === "markdown" ? markdownToHtml(body) : body);
  const doc = parseDocument(tidyDocument(parsed).toJSON());
  return { content: doc.toJSON() as DocJson, text: canonicalText(doc).text };
}
