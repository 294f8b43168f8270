import { AppError } from "@/lib/api/errors";

/** A position in the activity feed: the last item shown. Feed order: newest first. */
export interface ActivityCursor {
  at: Date;
  source: "a" | "r";
  id: bigint;
}

export function formatActivityCursor(c: ActivityCursor): string {
  return `${c.at.getTime()}.${c.source}.${c.id}`;
}

export function parseActivityCursor(raw: string): ActivityCursor {
  const match = /^(\d{1,15})\.([ar])\.(\d{1,19})$/.exec(raw);
  if (!match) throw new AppError("bad_parameter", "before must be the nextCursor of a previous page", { fields: { before: "is not a cursor" } });
  return { at: new Date(Number(match[1])), source: match[2] as "a" | "r", id: BigInt(match[3]) };
}
