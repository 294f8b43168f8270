-- Dashboard at scale (10,000 articles, 1,000,000 annotations; see docs/DEPLOY.md, "Scale").
-- Hand-edited: the index change is what `npm run db:new-migration` generated; the storage
-- settings after it are not expressible in Prisma.

-- DropIndex
DROP INDEX "Annotation_signedOffAt_idx";

-- CreateIndex
CREATE INDEX "Annotation_signedOffAt_articleId_deletedAt_idx" ON "Annotation"("signedOffAt", "articleId", "deletedAt");

-- The counters row of an article is rewritten by every annotation change, and a presence row
-- by every heartbeat. Half-empty pages let Postgres write the new row version next to the old
-- one (a HOT update, no index write) and prune old versions as it goes, so these small, hot
-- tables stay small between vacuums.
ALTER TABLE "ArticleStats" SET (fillfactor = 50);
ALTER TABLE "ArticlePresence" SET (fillfactor = 50);
