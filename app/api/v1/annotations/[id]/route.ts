import { apiRoute, noContent } from "@/lib/api/handler";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { getAnnotation } from "@/lib/annotations/list-annotations";
import { updateAnnotationSchema } from "@/lib/annotations/schemas";
import { updateAnnotation } from "@/lib/annotations/update-annotation";

export const GET = apiRoute({}, async ({ actor, params }) => getAnnotation(actor, params.id));

export const PATCH = apiRoute({ body: updateAnnotationSchema }, async ({ actor, params, body }) => updateAnnotation(actor, params.id, body));

export const DELETE = apiRoute({}, async ({ actor, params }) => {
  await deleteAnnotation(actor, params.id);
  return noContent();
});
