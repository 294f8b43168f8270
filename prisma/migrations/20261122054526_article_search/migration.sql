-- Full-text search over articles, in the article's own language (French or English).
-- Hand-edited: Prisma only knows the column as Unsupported("tsvector"); Postgres computes it.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(CASE WHEN "language" = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, coalesce("title", '')), 'A') ||
  setweight(to_tsvector(CASE WHEN "language" = 'fr' THEN 'french'::regconfig ELSE 'english'::regconfig END, coalesce("text", '')), 'B')
) STORED;

-- CreateIndex
CREATE INDEX "Article_search_idx" ON "Article" USING GIN ("search");
