"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api";

/**
 * GETs `path` (again whenever `path` or `refresh` changes); the last answer, or the error
 * message. A null path fetches nothing (the resource does not exist on the server yet).
 */
export function useFetched<T>(path: string | null, refresh: unknown = null) {
  const [state, setState] = useState<{ path: string | null; data: T | null; error: string | null }>({ path, data: null, error: null });
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    apiFetch<T>(path, { signal: controller.signal })
      .then((data) => setState({ path, data, error: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({ path, data: s.path === path ? s.data : null, error: error instanceof Error ? error.message : String(error) }));
      });
    return () => controller.abort();
  }, [path, refresh]);
  return state.path === path ? state : { path, data: null, error: null };
}
