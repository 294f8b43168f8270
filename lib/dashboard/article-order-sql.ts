import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleSort } from "@/lib/articles/schemas";

/** What each sort orders by, over "Article" a and "ArticleStats" s, and its natural direction. */
const SORTS: Record<ArticleSort, { expr: Prisma.Sql; dir: "asc" | "desc"; nullable?: true }> = {
  activity: { expr: Prisma.sql`a."lastActivityAt"`, dir: "desc" },
  title: { expr: Prisma.sql`lower(a.title)`, dir: "asc" },
  created: { expr: Prisma.sql`a."createdAt"`, dir: "desc" },
  // Share of claims and figures signed off; articles with none sort last either way.
  progress: { expr: Prisma.sql`(s."checkableVerified"::float8 / NULLIF(s.checkable, 0))`, dir: "asc", nullable: true },
  false: { expr: Prisma.sql`(s."verdictFalse" + s."verdictMisleading")`, dir: "desc" },
  orphans: { expr: Prisma.sql`s."anchorOrphaned"`, dir: "desc" },
  open: { expr: Prisma.sql`(s.checkable - s."checkableVerified")`, dir: "desc" },
};

/** The natural direction of a sort (newest first, least advanced first…). */
export function defaultSortDirection(sort: ArticleSort): "asc" | "desc" {
  return SORTS[sort].dir;
}

/**
 * ORDER BY for a sort, with the id as tie-breaker so that pages never overlap. NULLS LAST
 * only where the value can be null: on a NOT NULL column it would stop Postgres from
 * reading the order off an index (lastActivityAt).
 */
export function articleOrderSql(sort: ArticleSort, dir: "asc" | "desc" | undefined): Prisma.Sql {
  const direction = (dir ?? SORTS[sort].dir) === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const nulls = SORTS[sort].nullable ? Prisma.sql`NULLS LAST` : Prisma.empty;
  return Prisma.sql`ORDER BY ${SORTS[sort].expr} ${direction} ${nulls}, a.id ${direction}`;
}
