import type { ArticleFilters } from "@/lib/articles/schemas";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { articleFilterSql, filtersNeedStats } from "./article-filter-sql";
import { NEWSROOM_TIME_ZONE } from "./time-zone";

export interface DayCount {
  /** `YYYY-MM-DD` in the newsroom's time zone. */
  day: string;
  count: number;
}

/**
 * Standing sign-offs per day over the last `days` days (today included, empty days as 0),
 * by `Annotation.signedOffAt`: a sign-off that was later withdrawn (the verdict changed, the
 * status went back) no longer counts, and a deleted annotation's neither. Reads the
 * `signedOffAt` index for the period only.
 */
export async function signOffsPerDay(filters: ArticleFilters, days: number, timeZone = NEWSROOM_TIME_ZONE): Promise<DayCount[]> {
  const where = articleFilterSql(
    filters,
    Prisma.sql`n."signedOffAt" >= (((SELECT today FROM bounds) - make_interval(days => ${days - 1})) AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`,
    Prisma.sql`n."deletedAt" IS NULL`,
  );
  const stats = filtersNeedStats(filters) ? Prisma.sql`JOIN "ArticleStats" s ON s."articleId" = a.id` : Prisma.empty;
  const rows = await db.$queryRaw<DayCount[]>`
    WITH bounds AS (
      SELECT date_trunc('day', now() AT TIME ZONE ${timeZone}) AS today
    ), counted AS (
      SELECT date_trunc('day', (n."signedOffAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}) AS day, count(*)::int AS count
      FROM "Annotation" n
      JOIN "Article" a ON a.id = n."articleId"
      ${stats}
      ${where}
      GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(c.count, 0)::int AS count
    FROM bounds, generate_series(bounds.today - make_interval(days => ${days - 1}), bounds.today, interval '1 day') AS d(day)
    LEFT JOIN counted c ON c.day = d.day
    ORDER BY d.day`;
  return rows;
}
