import { apiRoute } from "@/lib/api/handler";
import { activityFeed } from "@/lib/dashboard/activity-feed";
import { activityQuery } from "@/lib/dashboard/schemas";

export const GET = apiRoute({ query: activityQuery }, async ({ actor, query, params }) => activityFeed(actor, { ...query, articleId: params.id }));
