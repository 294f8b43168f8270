/**
 * The last `count` calendar days in `timeZone`, oldest first, today last, as `YYYY-MM-DD`.
 * Calendar arithmetic on the local date, so daylight-saving changes do not shift a day.
 */
export function localDays(now: Date, count: number, timeZone: string): string[] {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  const [y, m, d] = today.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d - (count - 1 - i))).toISOString().slice(0, 10));
}
