import { apiRoute } from "@/lib/api/handler";
import { awaitingSignOff } from "@/lib/dashboard/awaiting-sign-off";
import { reviewerQueue } from "@/lib/dashboard/reviewer-queue";
import { queueQuery } from "@/lib/dashboard/schemas";

/** The caller's queue: assigned articles with what is left, and findings awaiting their sign-off. */
export const GET = apiRoute({ query: queueQuery }, async ({ actor, query }) => {
  const [articles, awaiting] = await Promise.all([reviewerQueue(actor), awaitingSignOff(actor, query)]);
  return { articles, awaitingSignOff: awaiting };
});
