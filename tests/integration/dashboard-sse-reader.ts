import { NextRequest } from "next/server";

type RouteHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface SseFrame {
  id?: string;
  event?: string;
  data?: unknown;
}

export interface SseConnection {
  status: number;
  /** Every frame received so far. */
  frames: SseFrame[];
  /** Waits for the next frame (after those already returned by earlier calls) that matches. */
  next(match: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  /** Collects frames for a while, without waiting for any in particular. */
  settle(ms: number): Promise<SseFrame[]>;
  close(): void;
}

function parseFrame(block: string): SseFrame | null {
  const frame: SseFrame = {};
  let hasField = false;
  for (const line of block.split("\n")) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, "");
    if (field === "id") frame.id = value;
    else if (field === "event") frame.event = value;
    else if (field === "data") frame.data = JSON.parse(value);
    else continue;
    hasField = true;
  }
  return hasField && frame.event ? frame : null;
}

/** Opens a Server-Sent Events route handler the way a browser would, and reads its frames. */
export async function openSse(
  handler: RouteHandler,
  options: { token: string; query?: Record<string, string>; headers?: Record<string, string> },
): Promise<SseConnection> {
  const url = new URL("http://localhost:3000/api/v1/stream");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const abort = new AbortController();
  const req = new NextRequest(url, {
    headers: { authorization: `Bearer ${options.token}`, accept: "text/event-stream", ...options.headers },
    signal: abort.signal,
  });
  const res = await handler(req, { params: Promise.resolve({}) });
  const frames: SseFrame[] = [];
  let consumed = 0;
  const waiter: { wake: (() => void) | null } = { wake: null };
  if (res.body && res.headers.get("content-type")?.startsWith("text/event-stream")) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = parseFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (frame) frames.push(frame);
        }
        waiter.wake?.();
      }
    })();
  }
  return {
    status: res.status,
    frames,
    async next(match, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (consumed < frames.length) {
          const frame = frames[consumed++];
          if (match(frame)) return frame;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching SSE frame within ${timeoutMs} ms; got ${JSON.stringify(frames.map((f) => f.event))}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 100));
          waiter.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    async settle(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const fresh = frames.slice(consumed);
      consumed = frames.length;
      return fresh;
    },
    close() {
      abort.abort();
    },
  };
}
