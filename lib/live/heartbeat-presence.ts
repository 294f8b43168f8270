import { db } from "@/lib/db";

/** Keeps a connection's presence row fresh; puts it back if a sweep removed it. */
export async function heartbeatPresence(connectionId: string, articleId: string, userId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ArticlePresence" ("connectionId", "articleId", "userId", "lastSeenAt")
    VALUES (${connectionId}::uuid, ${articleId}::uuid, ${userId}::uuid, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("connectionId") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt"`;
}
