import { db } from "@/lib/db";
import { LIVE_CHANNEL } from "./live-notification";

/**
 * Records that `userId` has the article open on connection `connectionId`, and tells the
 * other viewers (on every instance). Also sweeps rows abandoned long ago by instances that
 * stopped without cleaning up. Times are the database's, in UTC like every DateTime column.
 */
export async function joinPresence(connectionId: string, articleId: string, userId: string): Promise<void> {
  const payload = JSON.stringify({ t: "presence", a: articleId });
  await db.$transaction([
    db.$executeRaw`DELETE FROM "ArticlePresence" WHERE "lastSeenAt" < (now() AT TIME ZONE 'UTC') - interval '10 minutes'`,
    db.$executeRaw`
      INSERT INTO "ArticlePresence" ("connectionId", "articleId", "userId", "lastSeenAt")
      VALUES (${connectionId}::uuid, ${articleId}::uuid, ${userId}::uuid, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("connectionId") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt"`,
    db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`,
  ]);
}
