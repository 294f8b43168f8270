/**
 * A time as the text of a `timestamp(3)` in UTC, the way Prisma stores DateTime columns. Raw
 * SQL sends times this way (cast with `::timestamp(3)`) so that the session's time zone can
 * never shift them.
 */
export const utcTimestamp = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");
