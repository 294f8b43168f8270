import mammoth from "mammoth";
import { AppError } from "@/lib/api/errors";
import { MAX_UPLOAD_BYTES } from "./limits";
import { assertZipUnpacksWithin } from "./zip-guard";

/**
 * Word styles beyond mammoth's defaults (which already map Heading 1–6 to h1–h6, bold,
 * italic, strikethrough and hyperlinks). h5 and h6 become h4 in the HTML sanitizer.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "u => u",
];

// Images become an <img> without a source, which the sanitizer removes: they are never
// read, let alone inlined as data URIs that would blow the body size limit.
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

/**
 * Converts an uploaded .docx to HTML for the HTML import path (`toDocument` with format
 * "html"). A file that is not a readable Word document is a 415; one that unpacks to more
 * than MAX_DOCX_UNPACKED_BYTES is a 413, refused before anything is inflated in memory.
 */
export async function docxToHtml(file: Uint8Array): Promise<string> {
  if (file.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("too_large", `The file is larger than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`, {
      details: { maxBytes: MAX_UPLOAD_BYTES },
    });
  }
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  assertZipUnpacksWithin(buffer);
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      { styleMap: STYLE_MAP, convertImage: dropImages, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    return result.value;
  } catch {
    throw new AppError("unsupported_media_type", "The file could not be read as a Word document (.docx)");
  }
}
