import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { diffRevisions } from "@/lib/articles/revisions";

const query = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });

export const GET = apiRoute({ query }, async ({ actor, params, query }) => diffRevisions(actor, params.id, query.from, query.to));
