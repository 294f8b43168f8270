-- Dashboard counters, live updates and presence.
-- Hand-edited: the tables and indexes are what `npm run db:new-migration` generated from
-- prisma/schema.prisma; the backfill, functions and triggers after them are not expressible in
-- Prisma. Triggers rather than application code, because annotations are also written by raw
-- SQL (re-anchoring after a text edit) and articles by services outside lib/annotations: every
-- write path is covered, in the writing transaction.

-- CreateTable
CREATE TABLE "ArticleStats" (
    "articleId" UUID NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "kindClaim" INTEGER NOT NULL DEFAULT 0,
    "kindFigure" INTEGER NOT NULL DEFAULT 0,
    "kindSource" INTEGER NOT NULL DEFAULT 0,
    "statusUnverified" INTEGER NOT NULL DEFAULT 0,
    "statusInProgress" INTEGER NOT NULL DEFAULT 0,
    "statusInReview" INTEGER NOT NULL DEFAULT 0,
    "statusVerified" INTEGER NOT NULL DEFAULT 0,
    "verdictAccurate" INTEGER NOT NULL DEFAULT 0,
    "verdictMostlyAccurate" INTEGER NOT NULL DEFAULT 0,
    "verdictMisleading" INTEGER NOT NULL DEFAULT 0,
    "verdictFalse" INTEGER NOT NULL DEFAULT 0,
    "verdictUnverifiable" INTEGER NOT NULL DEFAULT 0,
    "verdictNone" INTEGER NOT NULL DEFAULT 0,
    "anchorDrifted" INTEGER NOT NULL DEFAULT 0,
    "anchorOrphaned" INTEGER NOT NULL DEFAULT 0,
    "checkable" INTEGER NOT NULL DEFAULT 0,
    "checkableVerified" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ArticleStats_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "ArticlePresence" (
    "connectionId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticlePresence_pkey" PRIMARY KEY ("connectionId")
);

-- CreateIndex
CREATE INDEX "ArticlePresence_articleId_lastSeenAt_idx" ON "ArticlePresence"("articleId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "ArticlePresence_lastSeenAt_idx" ON "ArticlePresence"("lastSeenAt");

-- CreateIndex
CREATE INDEX "Annotation_signedOffAt_idx" ON "Annotation"("signedOffAt");

-- CreateIndex
CREATE INDEX "Annotation_status_updatedAt_idx" ON "Annotation"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "ArticleEvent_createdAt_idx" ON "ArticleEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "ArticleStats" ADD CONSTRAINT "ArticleStats_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePresence" ADD CONSTRAINT "ArticlePresence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePresence" ADD CONSTRAINT "ArticlePresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counters for the articles that exist already.
INSERT INTO "ArticleStats" ("articleId", "total", "kindClaim", "kindFigure", "kindSource",
  "statusUnverified", "statusInProgress", "statusInReview", "statusVerified",
  "verdictAccurate", "verdictMostlyAccurate", "verdictMisleading", "verdictFalse", "verdictUnverifiable", "verdictNone",
  "anchorDrifted", "anchorOrphaned", "checkable", "checkableVerified")
SELECT a."id",
  count(n."id"),
  count(*) FILTER (WHERE n."kind" = 'CLAIM'),
  count(*) FILTER (WHERE n."kind" = 'FIGURE'),
  count(*) FILTER (WHERE n."kind" = 'SOURCE'),
  count(*) FILTER (WHERE n."status" = 'UNVERIFIED'),
  count(*) FILTER (WHERE n."status" = 'IN_PROGRESS'),
  count(*) FILTER (WHERE n."status" = 'IN_REVIEW'),
  count(*) FILTER (WHERE n."status" = 'VERIFIED'),
  count(*) FILTER (WHERE n."verdict" = 'ACCURATE'),
  count(*) FILTER (WHERE n."verdict" = 'MOSTLY_ACCURATE'),
  count(*) FILTER (WHERE n."verdict" = 'MISLEADING'),
  count(*) FILTER (WHERE n."verdict" = 'FALSE'),
  count(*) FILTER (WHERE n."verdict" = 'UNVERIFIABLE'),
  count(*) FILTER (WHERE n."id" IS NOT NULL AND n."verdict" IS NULL),
  count(*) FILTER (WHERE n."anchor" = 'DRIFTED'),
  count(*) FILTER (WHERE n."anchor" = 'ORPHANED'),
  count(*) FILTER (WHERE n."kind" IN ('CLAIM', 'FIGURE')),
  count(*) FILTER (WHERE n."kind" IN ('CLAIM', 'FIGURE') AND n."status" = 'VERIFIED')
FROM "Article" a
LEFT JOIN "Annotation" n ON n."articleId" = a."id" AND n."deletedAt" IS NULL
GROUP BY a."id";

-- Every new article gets its counter row.
CREATE FUNCTION "factmark_article_stats_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ArticleStats" ("articleId") VALUES (NEW."id");
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_stats_row" AFTER INSERT ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "factmark_article_stats_row"();

-- Moves one article's counters from the old state of an annotation (`o`, counted when `was`)
-- to its new state (`n`, counted when `now_live`). The article row is locked first, as the
-- event triggers below and the services do, so that every writer takes the article's locks in
-- the same order (article, then counters) and two writers cannot deadlock on them.
CREATE FUNCTION "factmark_shift_annotation_stats"(article uuid, o "Annotation", n "Annotation", was boolean, now_live boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Article" WHERE "id" = article FOR NO KEY UPDATE;
  UPDATE "ArticleStats" SET
    "total"                 = "total" + now_live::int - was::int,
    "kindClaim"             = "kindClaim" + (now_live AND n."kind" = 'CLAIM')::int - (was AND o."kind" = 'CLAIM')::int,
    "kindFigure"            = "kindFigure" + (now_live AND n."kind" = 'FIGURE')::int - (was AND o."kind" = 'FIGURE')::int,
    "kindSource"            = "kindSource" + (now_live AND n."kind" = 'SOURCE')::int - (was AND o."kind" = 'SOURCE')::int,
    "statusUnverified"      = "statusUnverified" + (now_live AND n."status" = 'UNVERIFIED')::int - (was AND o."status" = 'UNVERIFIED')::int,
    "statusInProgress"      = "statusInProgress" + (now_live AND n."status" = 'IN_PROGRESS')::int - (was AND o."status" = 'IN_PROGRESS')::int,
    "statusInReview"        = "statusInReview" + (now_live AND n."status" = 'IN_REVIEW')::int - (was AND o."status" = 'IN_REVIEW')::int,
    "statusVerified"        = "statusVerified" + (now_live AND n."status" = 'VERIFIED')::int - (was AND o."status" = 'VERIFIED')::int,
    "verdictAccurate"       = "verdictAccurate" + (now_live AND n."verdict" IS NOT DISTINCT FROM 'ACCURATE')::int - (was AND o."verdict" IS NOT DISTINCT FROM 'ACCURATE')::int,
    "verdictMostlyAccurate" = "verdictMostlyAccurate" + (now_live AND n."verdict" IS NOT DISTINCT FROM 'MOSTLY_ACCURATE')::int - (was AND o."verdict" IS NOT DISTINCT FROM 'MOSTLY_ACCURATE')::int,
    "verdictMisleading"     = "verdictMisleading" + (now_live AND n."verdict" IS NOT DISTINCT FROM 'MISLEADING')::int - (was AND o."verdict" IS NOT DISTINCT FROM 'MISLEADING')::int,
    "verdictFalse"          = "verdictFalse" + (now_live AND n."verdict" IS NOT DISTINCT FROM 'FALSE')::int - (was AND o."verdict" IS NOT DISTINCT FROM 'FALSE')::int,
    "verdictUnverifiable"   = "verdictUnverifiable" + (now_live AND n."verdict" IS NOT DISTINCT FROM 'UNVERIFIABLE')::int - (was AND o."verdict" IS NOT DISTINCT FROM 'UNVERIFIABLE')::int,
    "verdictNone"           = "verdictNone" + (now_live AND n."verdict" IS NULL)::int - (was AND o."verdict" IS NULL)::int,
    "anchorDrifted"         = "anchorDrifted" + (now_live AND n."anchor" = 'DRIFTED')::int - (was AND o."anchor" = 'DRIFTED')::int,
    "anchorOrphaned"        = "anchorOrphaned" + (now_live AND n."anchor" = 'ORPHANED')::int - (was AND o."anchor" = 'ORPHANED')::int,
    "checkable"             = "checkable" + (now_live AND n."kind" <> 'SOURCE')::int - (was AND o."kind" <> 'SOURCE')::int,
    "checkableVerified"     = "checkableVerified"
                              + (now_live AND n."kind" <> 'SOURCE' AND n."status" = 'VERIFIED')::int
                              - (was AND o."kind" <> 'SOURCE' AND o."status" = 'VERIFIED')::int
  WHERE "articleId" = article;
END $$;

-- A deleted annotation (deletedAt set) no longer counts; restoring it counts it again.
CREATE FUNCTION "factmark_annotation_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD."deletedAt" IS NULL;
  now_live boolean := TG_OP <> 'DELETE' AND NEW."deletedAt" IS NULL;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."articleId" <> NEW."articleId" THEN
    PERFORM "factmark_shift_annotation_stats"(OLD."articleId", OLD, NULL, was, false);
    PERFORM "factmark_shift_annotation_stats"(NEW."articleId", NULL, NEW, false, now_live);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "factmark_shift_annotation_stats"(OLD."articleId", OLD, NULL, was, false);
  ELSE
    PERFORM "factmark_shift_annotation_stats"(NEW."articleId", OLD, NEW, was, now_live);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Annotation_stats_insert_delete" AFTER INSERT OR DELETE ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION "factmark_annotation_stats"();

-- Re-anchoring rewrites every annotation of an article on each save: only real changes count.
CREATE TRIGGER "Annotation_stats_update" AFTER UPDATE ON "Annotation"
  FOR EACH ROW
  WHEN (OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."verdict" IS DISTINCT FROM NEW."verdict" OR OLD."anchor" IS DISTINCT FROM NEW."anchor"
    OR (OLD."deletedAt" IS NULL) <> (NEW."deletedAt" IS NULL) OR OLD."articleId" <> NEW."articleId")
  EXECUTE FUNCTION "factmark_annotation_stats"();

-- Event ids in commit order, per article. The live stream resumes "after event id N"; with a
-- plain sequence, a transaction that took id 10 could commit after one that took id 11 and
-- be skipped. Taking the article's row lock before drawing the id (the default was drawn before
-- the lock and is replaced) makes the writers of one article draw their ids one after the
-- other, each after the previous one committed. Writers of an article already lock its row
-- (they update "lastActivityAt"); this only takes that lock a few statements earlier.
CREATE FUNCTION "factmark_event_id_in_commit_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Article" WHERE "id" = NEW."articleId" FOR NO KEY UPDATE;
  NEW."id" := nextval(TG_ARGV[0]::regclass);
  RETURN NEW;
END $$;

CREATE TRIGGER "AnnotationEvent_id_in_commit_order" BEFORE INSERT ON "AnnotationEvent"
  FOR EACH ROW EXECUTE FUNCTION "factmark_event_id_in_commit_order"('"AnnotationEvent_id_seq"');

CREATE TRIGGER "ArticleEvent_id_in_commit_order" BEFORE INSERT ON "ArticleEvent"
  FOR EACH ROW EXECUTE FUNCTION "factmark_event_id_in_commit_order"('"ArticleEvent_id_seq"');

-- Live updates: one NOTIFY per article and statement, sent by Postgres when the writing
-- transaction commits (never for a rolled-back one). Ids only; listeners read the events table.
-- Payload: {"t": "annotation" | "article", "a": "<article id>", "id": "<last event id>"}.
CREATE FUNCTION "factmark_notify_events"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT "articleId", max("id") AS "last" FROM inserted GROUP BY "articleId" LOOP
    PERFORM pg_notify('factmark_live', json_build_object('t', TG_ARGV[0], 'a', r."articleId", 'id', r."last"::text)::text);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "AnnotationEvent_notify" AFTER INSERT ON "AnnotationEvent"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "factmark_notify_events"('annotation');

CREATE TRIGGER "ArticleEvent_notify" AFTER INSERT ON "ArticleEvent"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION "factmark_notify_events"('article');
