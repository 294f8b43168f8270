import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleFilters } from "@/lib/articles/schemas";

/** True when the filters read the article row itself ("Article" a). */
export function filtersNeedArticle(filters: ArticleFilters): boolean {
  return Boolean(filters.q || filters.status || filters.outlet || filters.language || filters.reviewer);
}

/** True when the filters read the counters, so "ArticleStats" s must be joined. */
export function filtersNeedStats(filters: ArticleFilters): boolean {
  return filters.hasFalse !== undefined || filters.hasOrphans !== undefined;
}

/**
 * The conditions of the dashboard filters over "Article" a (and "ArticleStats" s when
 * `filtersNeedStats`). Search reads the query both as French and as English, because the
 * `search` column is stemmed in each article's own language and the query's is unknown.
 */
export function articleFilterConditions(filters: ArticleFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.status) conditions.push(Prisma.sql`a.status = ${filters.status.toUpperCase()}::"ArticleStatus"`);
  if (filters.q) {
    conditions.push(Prisma.sql`a.search @@ (websearch_to_tsquery('french', ${filters.q}) || websearch_to_tsquery('english', ${filters.q}))`);
  }
  if (filters.outlet) conditions.push(Prisma.sql`a.outlet = ${filters.outlet}`);
  if (filters.language) conditions.push(Prisma.sql`a.language = ${filters.language}`);
  if (filters.reviewer === "none") {
    conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "ArticleAssignment" r WHERE r."articleId" = a.id)`);
  } else if (filters.reviewer) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAssignment" r WHERE r."articleId" = a.id AND r."userId" = ${filters.reviewer}::uuid)`);
  }
  if (filters.hasFalse !== undefined) {
    conditions.push(filters.hasFalse ? Prisma.sql`s."verdictFalse" + s."verdictMisleading" > 0` : Prisma.sql`s."verdictFalse" + s."verdictMisleading" = 0`);
  }
  if (filters.hasOrphans !== undefined) {
    conditions.push(filters.hasOrphans ? Prisma.sql`s."anchorOrphaned" > 0` : Prisma.sql`s."anchorOrphaned" = 0`);
  }
  return conditions;
}

/** `WHERE …` for the filters and any further conditions, or nothing. */
export function articleFilterSql(filters: ArticleFilters, ...more: Prisma.Sql[]): Prisma.Sql {
  const conditions = [...articleFilterConditions(filters), ...more];
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}
