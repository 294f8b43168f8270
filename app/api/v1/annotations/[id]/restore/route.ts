import { apiRoute } from "@/lib/api/handler";
import { restoreAnnotation } from "@/lib/annotations/delete-annotation";

/** Undo of a delete (the UI offers it for a few seconds; the API keeps it available). */
export const POST = apiRoute({}, async ({ actor, params }) => restoreAnnotation(actor, params.id));
