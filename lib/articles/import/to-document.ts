import type { Node as PmNode } from "@tiptap/pm/model";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { validationFailed } from "@/lib/api/errors";
import { parseDocument, type DocJson } from "@/lib/editor/schema";
import { htmlToDocument } from "./html-to-document";
import { markdownToHtml } from "./markdown-to-html";
import { textToDocument } from "./text-to-document";
import { tidyDocument } from "./tidy-document";
import type { ImportedDocument, ImportInput } from "./types";

export type { ImportedDocument, ImportFormat, ImportInput } from "./types";

function parse({ format, body }: ImportInput): PmNode {
  if (format === "text") return textToDocument(body);
  return htmlToDocument(format === "markdown" ? markdownToHtml(body) : body);
}

/**
 * Turns a pasted or uploaded article body into an editor document and its canonical text.
 * HTML is sanitized, Markdown goes through HTML, plain text is taken verbatim (see
 * `textToDocument`); all three are tidied the same way and checked against the editor
 * schema, so what is stored is exactly what the editor can open.
 */
export function toDocument(input: ImportInput): ImportedDocument {
  try {
    const doc = parseDocument(tidyDocument(parse(input)).toJSON());
    return { content: doc.toJSON() as DocJson, text: canonicalText(doc).text };
  } catch (error) {
    // The nesting limits upstream should make this unreachable; if some input still nests
    // deeper than a parser can recurse, it is bad input (422), not a server error.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw validationFailed({ body: "is nested too deeply" }, "The article body is nested too deeply");
    }
    throw error;
  }
}
