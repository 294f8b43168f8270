import { AppError, validationFailed } from "@/lib/api/errors";
import { toDocument } from "./to-document";
import type { ImportedDocument, ImportInput, UploadFormat } from "./types";

/** Largest article body accepted, in UTF-8 bytes (a long read is ~100 kB of HTML). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Largest uploaded file: a .docx carries its images, which are dropped on import. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const MEGABYTE = 1024 * 1024;

/**
 * Checks that a body can become an article and returns the document it becomes (callers
 * can use it instead of converting twice). Size is checked before any parsing, so an
 * oversized body costs nothing; a body that is empty, or is left empty once scripts,
 * images and embeds are removed, is a validation error naming `body`.
 */
export function assertImportable(input: ImportInput): ImportedDocument {
  // Every UTF-16 code unit is at least one UTF-8 byte, so a long string fails fast.
  if (input.body.length > MAX_BODY_BYTES || Buffer.byteLength(input.body, "utf8") > MAX_BODY_BYTES) {
    throw new AppError("too_large", `The article body is larger than ${MAX_BODY_BYTES / MEGABYTE} MB`, {
      details: { maxBytes: MAX_BODY_BYTES },
    });
  }
  if (!input.body.trim()) throw validationFailed({ body: "must not be empty" }, "The article body is empty");
  const imported = toDocument(input);
  if (!imported.text.trim()) {
    throw validationFailed(
      { body: "has no readable text once scripts, images, embeds and markup are removed" },
      "The article body has no text",
    );
  }
  return imported;
}

const BY_EXTENSION: Record<string, UploadFormat> = {
  txt: "text",
  text: "text",
  html: "html",
  htm: "html",
  md: "markdown",
  markdown: "markdown",
  docx: "docx",
};

const BY_MIME_TYPE: Record<string, UploadFormat> = {
  "text/plain": "text",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

const ACCEPTED = [".txt", ".html", ".htm", ".md", ".markdown", ".docx"];

/**
 * The format of an uploaded file. The extension decides when there is one, since browsers
 * guess the MIME type from it anyway and often send "application/octet-stream" for .md;
 * the MIME type decides only for a name without an extension.
 */
export function fileFormatFromUpload(fileName: string, mimeType: string | null | undefined): UploadFormat {
  const match = /\.([^./\\]+)$/.exec(fileName.trim());
  const extension = match?.[1].toLowerCase();
  const mime = (mimeType ?? "").split(";")[0].trim().toLowerCase();
  const format = extension !== undefined ? BY_EXTENSION[extension] : BY_MIME_TYPE[mime];
  if (format) return format;
  const hint = extension === "doc" ? " (save a Word 97–2003 .doc as .docx)" : "";
  throw new AppError("unsupported_media_type", `Accepted files are ${ACCEPTED.join(", ")}${hint}`, {
    details: { accepted: ACCEPTED },
  });
}
