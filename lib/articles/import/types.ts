import type { DocJson } from "@/lib/editor/schema";

/** What an editor can paste or send as an article body. */
export type ImportFormat = "text" | "html" | "markdown";

/** An uploaded file's kind: the paste formats plus Word documents. */
export type UploadFormat = ImportFormat | "docx";

export interface ImportInput {
  format: ImportFormat;
  body: string;
}

/** An imported body: the editor document and its canonical text (derived from it). */
export interface ImportedDocument {
  content: DocJson;
  text: string;
}
