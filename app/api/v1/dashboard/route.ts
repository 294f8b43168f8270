import { apiRoute } from "@/lib/api/handler";
import { dashboardAggregates } from "@/lib/dashboard/dashboard-aggregates";
import { dashboardQuery } from "@/lib/dashboard/schemas";

/** Totals for the articles the filters select: by workflow status, by annotation status and verdict, sign-offs per day. */
export const GET = apiRoute({ query: dashboardQuery }, async ({ actor, query }) => dashboardAggregates(actor, query));
