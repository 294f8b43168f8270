import type { ArticleFilters } from "@/lib/articles/schemas";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { articleFilterConditions, articleFilterSql, filtersNeedArticle, filtersNeedStats } from "./article-filter-sql";
import { localDays } from "./local-days";
import { NEWSROOM_TIME_ZONE } from "./time-zone";
import { utcTimestamp } from "./utc-timestamp";

export interface DayCount {
  /** `YYYY-MM-DD` in the newsroom's time zone. */
  day: string;
  count: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Standing sign-offs per day over the last `days` days (today included, empty days as 0),
 * by `Annotation.signedOffAt`: a sign-off that was later withdrawn (the verdict changed, the
 * status went back) no longer counts, and a deleted annotation's neither.
 *
 * For all articles, reads the quarter-hour counters "SignOffBucket" (kept by triggers). With
 * filters, reads only the (signedOffAt, articleId, deletedAt) index, joining the article
 * tables only when a filter needs them. Each sign-off goes to its day by width_bucket over the days'
 * first instants (local midnights, DST included), cheaper than converting every timestamp
 * to local time. The lower bound is a value the planner can see, a little before the first
 * midnight (what falls before it lands in bucket 0, which no day reads): with a subquery
 * there, Postgres would expect a third of the table and JIT-compile the query, which alone
 * costs hundreds of milliseconds.
 */
export async function signOffsPerDay(filters: ArticleFilters, days: number, timeZone = NEWSROOM_TIME_ZONE): Promise<DayCount[]> {
  const labels = localDays(new Date(), days, timeZone);
  const since = utcTimestamp(new Date(Date.now() - (days + 1) * DAY_MS));
  const bounds = Prisma.sql`
    WITH bounds AS (
      SELECT array_agg((d AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC' ORDER BY d) AS starts
      FROM generate_series(${labels[0]}::date::timestamp, ${labels[0]}::date::timestamp + make_interval(days => ${days - 1}), interval '1 day') AS d
    )`;
  let rows: { bucket: number; count: number }[];
  if (articleFilterConditions(filters).length === 0) {
    // All articles: the quarter-hour counters the triggers keep (a local midnight is always on
    // a quarter hour, so each counter belongs to one day).
    rows = await db.$queryRaw`${bounds}
      SELECT width_bucket(c.bucket, (SELECT starts FROM bounds))::int AS bucket, sum(c.count)::int AS count
      FROM "SignOffBucket" c
      WHERE c.bucket >= ${since}
      GROUP BY 1`;
  } else {
    const joins = [
      filtersNeedArticle(filters) ? Prisma.sql`JOIN "Article" a ON a.id = n."articleId"` : Prisma.empty,
      filtersNeedStats(filters) ? Prisma.sql`JOIN "ArticleStats" s ON s."articleId" = n."articleId"` : Prisma.empty,
    ];
    const where = articleFilterSql(filters, Prisma.sql`n."signedOffAt" >= ${since}`, Prisma.sql`n."deletedAt" IS NULL`);
    rows = await db.$queryRaw`${bounds}
      SELECT width_bucket(n."signedOffAt", (SELECT starts FROM bounds))::int AS bucket, count(*)::int AS count
      FROM "Annotation" n ${Prisma.join(joins, " ")}
      ${where}
      GROUP BY 1`;
  }
  const byBucket = new Map(rows.map((r) => [r.bucket, r.count]));
  // Bucket i (from 1) holds the sign-offs from the i-th midnight to the next.
  return labels.map((day, i) => ({ day, count: byBucket.get(i + 1) ?? 0 }));
}
