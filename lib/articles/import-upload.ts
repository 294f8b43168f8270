import { AppError, validationFailed } from "@/lib/api/errors";
import type { ArticleDto } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { createArticle } from "./create-article";
import { docxToHtml } from "./import/docx";
import { MAX_UPLOAD_BYTES, fileFormatFromUpload } from "./import/limits";
import { createArticleSchema } from "./schemas";
import { zodFields } from "@/lib/api/zod-errors";

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

const uploadMetadataSchema = createArticleSchema.omit({ body: true, format: true, title: true }).extend({
  title: createArticleSchema.shape.title.optional(),
});

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("unsupported_media_type", "The file is not UTF-8 text; save it as UTF-8 and upload it again");
  }
}

/** A title for an upload without one: the file name without its extension. */
const titleFromFileName = (name: string) => name.replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim() || "Untitled";

/** Imports an uploaded .txt, .html, .md or .docx file as a new article. */
export async function importUpload(actor: CurrentUser, file: UploadedFile, metadata: Record<string, unknown>): Promise<ArticleDto> {
  authorize(actor, "article.create");
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) throw new AppError("too_large", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  if (file.bytes.byteLength === 0) throw validationFailed({ file: "is empty" }, "The file is empty");
  const parsed = uploadMetadataSchema.safeParse(metadata);
  if (!parsed.success) throw validationFailed(zodFields(parsed.error));
  const format = fileFormatFromUpload(file.name, file.type);
  const body = format === "docx" ? await docxToHtml(file.bytes) : decodeUtf8(file.bytes);
  return createArticle(actor, {
    ...parsed.data,
    title: parsed.data.title ?? titleFromFileName(file.name),
    format: format === "docx" ? "html" : format,
    body,
  });
}
