"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent, PresenceUser } from "./types";

export type StreamStatus = "connecting" | "live" | "reconnecting";

export interface ArticleStream {
  /** Everyone who has the article open now, the current user included. */
  presence: PresenceUser[];
  status: StreamStatus;
}

const MAX_BACKOFF_MS = 15_000;

/**
 * Live updates of one article: calls `onEvent` for every annotation or article event
 * committed after the stream started (or after `options.since`, a cursor from the server
 * render — see lib/live/article-cursor.ts — so nothing between render and connection is
 * missed), in order, once each, across reconnections: a reconnecting stream resumes after the
 * last event received (Last-Event-ID). Also answers who else is viewing the article.
 * `onEvent` may change between renders without reconnecting.
 */
export function useArticleStream(
  articleId: string | null,
  onEvent: (event: LiveEvent) => void,
  options: { since?: string } = {},
): ArticleStream {
  const onEventRef = useRef(onEvent);
  const sinceRef = useRef(options.since);
  const [presence, setPresence] = useState<PresenceUser[]>([]);
  const [status, setStatus] = useState<StreamStatus>("connecting");

  useEffect(() => {
    onEventRef.current = onEvent;
  });

  useEffect(() => {
    if (!articleId) return;
    let source: EventSource | null = null;
    let cursor = sinceRef.current ?? null;
    let backoff = 1_000;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const deliver = (message: MessageEvent<string>) => {
      if (message.lastEventId) cursor = message.lastEventId;
      try {
        onEventRef.current(JSON.parse(message.data) as LiveEvent);
      } catch (error) {
        console.error("live event handler failed", error);
      }
    };

    const open = () => {
      const params = new URLSearchParams({ articleId });
      if (cursor) params.set("since", cursor);
      const current = new EventSource(`/api/v1/stream?${params}`);
      source = current;
      current.addEventListener("ready", (message: MessageEvent<string>) => {
        if (message.lastEventId) cursor = message.lastEventId;
        backoff = 1_000;
        setStatus("live");
      });
      current.addEventListener("annotation", deliver);
      current.addEventListener("article", deliver);
      current.addEventListener("presence", (message: MessageEvent<string>) => {
        const data = JSON.parse(message.data) as { users: PresenceUser[] };
        setPresence(data.users);
      });
      current.onerror = () => {
        if (stopped) return;
        setStatus("reconnecting");
        // The browser retries by itself after a dropped connection (sending Last-Event-ID);
        // after an HTTP error it gives up, and we open a new stream from our cursor.
        if (current.readyState === EventSource.CLOSED) {
          current.close();
          timer = setTimeout(open, backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
      };
    };

    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [articleId]);

  return { presence, status };
}
