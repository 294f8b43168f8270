import { apiRoute } from "@/lib/api/handler";
import { listRevisions } from "@/lib/articles/revisions";

export const GET = apiRoute({}, async ({ actor, params }) => ({ items: await listRevisions(actor, params.id) }));
