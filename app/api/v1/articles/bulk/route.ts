import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { MAX_BULK_ITEMS, bulkImport } from "@/lib/articles/bulk-import";

const body = z.array(z.unknown()).min(1, "must not be empty").max(MAX_BULK_ITEMS, `at most ${MAX_BULK_ITEMS} articles per request`);

/** A JSON array of articles (the body of POST /api/v1/articles each); every item is answered on its own. */
export const POST = apiRoute({ action: "article.create", body, maxBodyBytes: 32 * 1024 * 1024 }, async ({ actor, body }) => ({
  items: await bulkImport(actor, body),
}));
