import { z } from "zod";
import { apiRoute, json } from "@/lib/api/handler";
import { importW3cAnnotations } from "@/lib/articles/import-w3c";

/** Body: a W3C AnnotationCollection (e.g. an export of this or another instance); validated by the parser. */
export const POST = apiRoute(
  { action: "annotation.create", body: z.record(z.string(), z.unknown(), { error: "must be a W3C AnnotationCollection" }), maxBodyBytes: 16 * 1024 * 1024 },
  async ({ actor, params, body }) => json(await importW3cAnnotations(actor, params.id, body), 201),
);
