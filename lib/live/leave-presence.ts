import { db } from "@/lib/db";
import { LIVE_CHANNEL } from "./live-notification";

/** The connection closed: remove its presence row and tell the other viewers. */
export async function leavePresence(connectionId: string, articleId: string): Promise<void> {
  const payload = JSON.stringify({ t: "presence", a: articleId });
  await db.$transaction([
    db.$executeRaw`DELETE FROM "ArticlePresence" WHERE "connectionId" = ${connectionId}::uuid`,
    db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`,
  ]);
}
