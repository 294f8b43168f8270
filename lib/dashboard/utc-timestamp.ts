import { Prisma } from "@/lib/generated/prisma/client";
import { utcTimestamp as utcTimestampText } from "@/lib/sql-time";

/**
 * A Date as a SQL `timestamp` literal in UTC, the way Prisma stores DateTime columns
 * (timestamp without time zone). Comparing with a bare Date parameter would depend on how
 * the driver types it and on the session's time zone.
 */
export function utcTimestamp(date: Date): Prisma.Sql {
  return Prisma.sql`${utcTimestampText(date)}::timestamp(3)`;
}
