-- The dashboard lists articles by last activity with the id as tie-breaker (pages never
-- overlap). Articles imported together share their activity time, and with an index on the
-- time alone Postgres read and sorted every tie before the first page (70 ms on 10,000).

-- DropIndex
DROP INDEX "Article_lastActivityAt_idx";

-- CreateIndex
CREATE INDEX "Article_lastActivityAt_id_idx" ON "Article"("lastActivityAt", "id");
