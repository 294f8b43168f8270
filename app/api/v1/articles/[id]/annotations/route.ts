import { z } from "zod";
import { apiRoute, json } from "@/lib/api/handler";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { createAnnotationSchema } from "@/lib/annotations/schemas";
import { ANNOTATION_KINDS, ANNOTATION_STATUSES } from "@/lib/annotations/types";

const query = z.strictObject({
  kind: z.enum(ANNOTATION_KINDS).optional(),
  status: z.enum(ANNOTATION_STATUSES).optional(),
});

export const GET = apiRoute({ query }, async ({ actor, params, query }) => ({
  items: await listAnnotations(actor, params.id, query),
}));

export const POST = apiRoute({ action: "annotation.create", body: createAnnotationSchema }, async ({ actor, params, body }) => {
  const { annotation, created } = await createAnnotation(actor, params.id, body);
  return json(annotation, created ? 201 : 200);
});
