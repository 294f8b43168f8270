/** The one channel every instance LISTENs on; the event triggers and presence NOTIFY on it. */
export const LIVE_CHANNEL = "factmark_live";

/**
 * A NOTIFY payload: ids only. `annotation` / `article`: new events on an article (read them
 * from the events tables); `presence`: someone opened or closed the article.
 */
export interface LiveNotification {
  t: "annotation" | "article" | "presence";
  /** The article id. */
  a: string;
  /** The last event id written (not for presence). */
  id?: string;
}

export function parseLiveNotification(payload: string | undefined): LiveNotification | null {
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(payload);
    if (!value || typeof value !== "object") return null;
    const { t, a, id } = value as Record<string, unknown>;
    if ((t !== "annotation" && t !== "article" && t !== "presence") || typeof a !== "string") return null;
    return { t, a, ...(typeof id === "string" ? { id } : {}) };
  } catch {
    return null;
  }
}
