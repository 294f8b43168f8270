import { AppError } from "@/lib/api/errors";
import { apiRoute, json } from "@/lib/api/handler";
import { importUpload } from "@/lib/articles/import-upload";
import { MAX_UPLOAD_BYTES } from "@/lib/articles/import/limits";

/** multipart/form-data: `file` plus optional metadata fields (title, url, outlet, author, language, publishedAt, allowDuplicate). */
export const POST = apiRoute({ action: "article.create" }, async ({ actor, req }) => {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) {
    throw new AppError("too_large", `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("unsupported_media_type", "Send the file as multipart/form-data with a `file` field");
  }
  const form = await req.formData().catch(() => {
    throw new AppError("malformed_json", "The form data could not be read");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("validation_failed", "Attach a file", { fields: { file: "required" } });
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key === "file" || typeof value !== "string" || value === "") continue;
    metadata[key] = key === "allowDuplicate" ? value === "true" : value;
  }
  const article = await importUpload(actor, { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, metadata);
  return json(article, 201);
});
