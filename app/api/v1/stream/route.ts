import { apiRoute } from "@/lib/api/handler";
import { articleEventStream } from "@/lib/live/article-event-stream";
import { changeStream } from "@/lib/live/change-stream";
import { parseEventCursor } from "@/lib/live/event-cursor";
import { streamQuery } from "@/lib/live/schemas";
import { SSE_HEADERS } from "@/lib/live/sse-frame";

export const dynamic = "force-dynamic";

/** Server-Sent Events: one article's events and presence (`?articleId=`), or change notices for all. */
export const GET = apiRoute({ query: streamQuery }, async ({ actor, query, req }) => {
  if (!query.articleId) return new Response(changeStream(actor, req.signal), { headers: SSE_HEADERS });
  const lastEventId = req.headers.get("last-event-id");
  const from = lastEventId ? parseEventCursor(lastEventId, "Last-Event-ID") : query.since ? parseEventCursor(query.since) : null;
  return new Response(await articleEventStream(actor, query.articleId, from, req.signal), { headers: SSE_HEADERS });
});
