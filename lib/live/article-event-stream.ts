import { randomUUID } from "node:crypto";
import { notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { currentArticleCursor } from "./article-cursor";
import { formatEventCursor, type EventCursor } from "./event-cursor";
import { heartbeatPresence } from "./heartbeat-presence";
import { joinPresence } from "./join-presence";
import { leavePresence } from "./leave-presence";
import { listPresence } from "./list-presence";
import { subscribeLive, type LiveSignal } from "./live-listener";
import { PRESENCE_HEARTBEAT_MS } from "./presence-window";
import { readArticleEvents } from "./read-article-events";
import { sseFrame } from "./sse-frame";

/** How long a browser waits before reconnecting after the stream breaks. */
const RETRY_MS = 2_000;

/**
 * One browser's live view of one article, as Server-Sent Events:
 * `ready` (with the cursor), then every event after `cursor` (catch-up), then each new one
 * as it commits on any instance (`annotation`, `article`), and `presence` whenever the list
 * of people viewing the article changes. Each event carries its cursor as SSE id.
 *
 * Postgres NOTIFY only says "look"; the events themselves are read from the events tables
 * after the cursor, so a missed or coalesced notification loses nothing.
 */
export async function articleEventStream(
  actor: CurrentUser,
  articleId: string,
  from: EventCursor | null,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  authorize(actor, "article.read");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("Article");

  const encoder = new TextEncoder();
  const connectionId = randomUUID();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let cursor: EventCursor | null = from;
  let lastPresence = "";
  let pumping: Promise<void> | null = null;
  let pumpAgain = false;

  const send = (text: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      void close();
    }
  };

  const close = async () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    if (heartbeat) clearInterval(heartbeat);
    signal.removeEventListener("abort", onAbort);
    try {
      controller?.close();
    } catch {
      // already closed by the client
    }
    await leavePresence(connectionId, articleId).catch(() => undefined);
  };
  const onAbort = () => void close();

  // Reads and sends everything after the cursor. One read at a time; a notification that
  // arrives meanwhile triggers one more read.
  const pump = (): Promise<void> => {
    if (pumping) {
      pumpAgain = true;
      return pumping;
    }
    pumping = (async () => {
      do {
        pumpAgain = false;
        let more = true;
        while (more && !closed && cursor) {
          const batch = await readArticleEvents(articleId, cursor);
          for (const { event, cursor: after } of batch.events) send(sseFrame({ id: formatEventCursor(after), event: event.type, data: event }));
          cursor = batch.cursor;
          more = batch.more;
        }
      } while (pumpAgain && !closed);
    })()
      .catch((error: unknown) => {
        // The client reconnects with its last event id and catches up then.
        console.error("live stream read failed", error);
        void close();
      })
      .finally(() => {
        pumping = null;
      });
    return pumping;
  };

  const sendPresence = async () => {
    const users = await listPresence(articleId);
    const key = JSON.stringify(users);
    if (key === lastPresence) return;
    lastPresence = key;
    send(sseFrame({ event: "presence", data: { users } }));
  };

  const onSignal = (s: LiveSignal) => {
    if (closed) return;
    if (s.t === "resync") {
      void pump();
      void sendPresence().catch(() => undefined);
    } else if (s.a === articleId) {
      if (s.t === "presence") void sendPresence().catch(() => undefined);
      else void pump();
    }
  };

  return new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      if (signal.aborted) return close();
      signal.addEventListener("abort", onAbort);
      try {
        // Listen first, then read: an event committed in between is read, not lost.
        unsubscribe = await subscribeLive(onSignal);
        cursor ??= await currentArticleCursor(articleId);
        send(sseFrame({ retry: RETRY_MS, id: formatEventCursor(cursor), event: "ready", data: { cursor: formatEventCursor(cursor), connectionId } }));
        await pump();
        await joinPresence(connectionId, articleId, actor.id);
        await sendPresence();
        heartbeat = setInterval(() => {
          send(sseFrame({ comment: "ping" }));
          heartbeatPresence(connectionId, articleId, actor.id)
            .then(sendPresence)
            .catch(() => undefined);
        }, PRESENCE_HEARTBEAT_MS);
      } catch (error) {
        console.error("live stream failed to start", error);
        await close();
      }
    },
    cancel() {
      return close();
    },
  });
}
