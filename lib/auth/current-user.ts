import { createHash } from "node:crypto";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { db, PREPARED } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { utcTimestamp } from "@/lib/sql-time";
import { authOptions } from "./options";
import type { Actor, Role } from "./policy";

export interface CurrentUser extends Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
}

export type AuthMethod = "session" | "token";

/**
 * Loads the user behind a session on every request, so a deactivation or a role change
 * takes effect at once even for a live session (one primary-key lookup).
 */
export async function loadActiveUser(id: string | undefined): Promise<CurrentUser | null> {
  if (!isUuid(id)) return null;
  const rows = await db.$queryRaw<(CurrentUser & { active: boolean })[]>`${PREPARED}
    SELECT id::text AS id, email, name, role::text AS role, locale, active FROM "User" WHERE id = ${id}::uuid`;
  const user = rows[0];
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

export const hashToken = (secret: string) => createHash("sha256").update(secret).digest("hex");

const LAST_USED_RESOLUTION_MS = 60_000;

export async function userFromApiToken(secret: string): Promise<CurrentUser | null> {
  // One round trip: the token and its user, only when the token is live and the user active.
  const rows = await db.$queryRaw<(CurrentUser & { tokenId: string; lastUsedAt: Date | null })[]>`${PREPARED}
    SELECT t.id::text AS "tokenId", t."lastUsedAt", u.id::text AS id, u.email, u.name, u.role::text AS role, u.locale
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashToken(secret)} AND t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > ${utcTimestamp(new Date())}::timestamp(3))
      AND u.active`;
  const found = rows[0];
  if (!found) return null;
  const { tokenId, lastUsedAt, ...user } = found;
  if (!lastUsedAt || Date.now() - lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } });
  }
  return user;
}

/** Authenticates an API request: a Bearer token, else the next-auth session cookie. */
export async function authenticateRequest(
  req: NextRequest,
): Promise<{ user: CurrentUser; method: AuthMethod } | { user: null; method: AuthMethod | null }> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match ? await userFromApiToken(match[1]) : null;
    return { user, method: "token" };
  }
  const jwt = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (!jwt) return { user: null, method: null };
  return { user: await loadActiveUser(jwt.uid), method: "session" };
}

/**
 * The signed-in user for server components, or null. Memoized per request: the layout,
 * the page and the locale resolver all ask, and one database lookup answers them all.
 */
export const getSessionUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  return loadActiveUser(session?.user?.id);
});
