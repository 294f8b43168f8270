import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { subscribeLive, type LiveSignal } from "./live-listener";
import { sseFrame } from "./sse-frame";
import type { LiveChange } from "./types";

const KEEPALIVE_MS = 15_000;

/**
 * Changes on every article, for lists and counts (the dashboard, the activity feed):
 * `ready`, then `change` with the article id for each batch of new events, and `resync`
 * when notifications may have been missed (the reader reloads what it shows). There is no
 * catch-up: a list reloads on (re)connection.
 */
export function changeStream(actor: CurrentUser, signal: AbortSignal): ReadableStream<Uint8Array> {
  authorize(actor, "article.read");
  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let keepalive: ReturnType<typeof setInterval> | null = null;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;

  const send = (text: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    if (keepalive) clearInterval(keepalive);
    signal.removeEventListener("abort", close);
    try {
      controller?.close();
    } catch {
      // already closed by the client
    }
  };
  const onSignal = (s: LiveSignal) => {
    if (s.t === "resync") send(sseFrame({ event: "resync", data: {} }));
    else if (s.t !== "presence") send(sseFrame({ event: "change", data: { articleId: s.a, source: s.t } satisfies LiveChange }));
  };

  return new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      if (signal.aborted) return close();
      signal.addEventListener("abort", close);
      try {
        unsubscribe = await subscribeLive(onSignal);
        send(sseFrame({ retry: 2_000, event: "ready", data: {} }));
        keepalive = setInterval(() => send(sseFrame({ comment: "ping" })), KEEPALIVE_MS);
      } catch (error) {
        console.error("change stream failed to start", error);
        close();
      }
    },
    cancel() {
      close();
    },
  });
}
