"use client";

import { useEffect, useRef } from "react";
import type { LiveChange } from "./types";

/**
 * Calls `onChange` when anything changes on any article (`null`: the stream reconnected and
 * changes may have been missed — reload everything shown). For lists and counts.
 */
export function useLiveChanges(onChange: (change: LiveChange | null) => void): void {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    let connectedOnce = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    let backoff = 1_000;

    const open = () => {
      const current = new EventSource("/api/v1/stream");
      source = current;
      current.addEventListener("ready", () => {
        backoff = 1_000;
        if (connectedOnce) onChangeRef.current(null);
        connectedOnce = true;
      });
      current.addEventListener("resync", () => onChangeRef.current(null));
      current.addEventListener("change", (message: MessageEvent<string>) => onChangeRef.current(JSON.parse(message.data) as LiveChange));
      current.onerror = () => {
        if (stopped || current.readyState !== EventSource.CLOSED) return;
        current.close();
        timer = setTimeout(open, backoff);
        backoff = Math.min(backoff * 2, 15_000);
      };
    };
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, []);
}
