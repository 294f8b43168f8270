import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { updateContent } from "@/lib/articles/update-content";

const body = z.strictObject({
  // Validated against the editor schema by the service (422 naming `content`).
  content: z.record(z.string(), z.unknown(), { error: "must be the editor document (JSON object)" }),
  revision: z.number().int().min(1),
});

export const PUT = apiRoute({ action: "article.editText", body, maxBodyBytes: 4 * 1024 * 1024 }, async ({ actor, params, body }) =>
  updateContent(actor, params.id, body),
);
