import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { exportManyStream } from "@/lib/articles/export-many";
import { contentDisposition } from "@/lib/export";

const query = z.strictObject({
  format: z.enum(["ndjson", "csv"], { error: "must be ndjson or csv" }),
  status: z.enum(["draft", "in_review", "approved"], { error: "must be draft, in_review or approved" }).optional(),
  q: z.string().trim().max(200).optional(),
  includeNotes: z.enum(["true", "false"]).optional(),
});

export const GET = apiRoute({ action: "article.export", query }, async ({ actor, query }) => {
  const stream = await exportManyStream(actor, query.format, { status: query.status, q: query.q || undefined }, query.includeNotes === "true");
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": query.format === "ndjson" ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(`factmark-export-${stamp}.${query.format}`),
      "Cache-Control": "no-store",
    },
  });
});
