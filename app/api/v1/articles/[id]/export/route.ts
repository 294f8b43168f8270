import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { exportArticle } from "@/lib/articles/export-article";
import { EXPORT_FORMATS, contentDisposition } from "@/lib/export";

const query = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(", ")}` }),
  includeNotes: z.enum(["true", "false"]).optional(),
});

export const GET = apiRoute({ action: "article.export", query }, async ({ actor, params, query }) => {
  // W3C and CSV come as a byte stream (written while the annotations are read, see
  // exportArticle); the other formats as a string.
  const rendered = await exportArticle(actor, params.id, query.format, query.includeNotes === "true");
  return new Response(rendered.body, {
    headers: {
      "Content-Type": rendered.contentType,
      "Content-Disposition": contentDisposition(rendered.fileName),
      "Cache-Control": "no-store",
      // The HTML export is opened directly: it may not run anything nor load anything.
      ...(query.format === "html" ? { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:" } : {}),
    },
  });
});
