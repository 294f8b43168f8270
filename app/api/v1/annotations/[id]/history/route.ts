import { apiRoute } from "@/lib/api/handler";
import { annotationHistory } from "@/lib/annotations/annotation-history";

export const GET = apiRoute({}, async ({ actor, params }) => ({ items: await annotationHistory(actor, params.id) }));
