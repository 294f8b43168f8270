import { db } from "@/lib/db";
import { PRESENCE_TTL_SECONDS } from "./presence-window";
import type { PresenceUser } from "./types";

/** Who has the article open now (on any instance), each person once, by name. */
export async function listPresence(articleId: string): Promise<PresenceUser[]> {
  return db.$queryRaw<PresenceUser[]>`
    SELECT u.id, u.name FROM "User" u
    WHERE u.active AND EXISTS (
      SELECT 1 FROM "ArticlePresence" p
      WHERE p."articleId" = ${articleId}::uuid AND p."userId" = u.id
        AND p."lastSeenAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => ${PRESENCE_TTL_SECONDS}))
    ORDER BY u.name, u.id`;
}
