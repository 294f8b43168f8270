import { AppError } from "@/lib/api/errors";

/**
 * Where a reader of one article's events stands: the last annotation event and the last
 * article event it has seen (two tables, two sequences). Written `"<a>-<r>"`, e.g. `"42-7"`,
 * as the SSE event id, so a reconnecting EventSource sends it back as Last-Event-ID.
 */
export interface EventCursor {
  annotation: bigint;
  article: bigint;
}

export function formatEventCursor(c: EventCursor): string {
  return `${c.annotation}-${c.article}`;
}

export function parseEventCursor(raw: string, field = "since"): EventCursor {
  const match = /^(\d{1,19})-(\d{1,19})$/.exec(raw.trim());
  if (!match) throw new AppError("bad_parameter", `${field} must be an event id of this stream ("<n>-<n>")`, { fields: { [field]: "is not an event id" } });
  return { annotation: BigInt(match[1]), article: BigInt(match[2]) };
}
