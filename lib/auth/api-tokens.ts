import { randomBytes } from "node:crypto";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { CurrentUser } from "./current-user";
import { hashToken } from "./current-user";
import { authorize } from "./policy";

export const TOKEN_PREFIX = "fm_";

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const summarySelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

function toSummary(t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }): ApiTokenSummary {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a personal token: 256 random bits, shown once, stored as a SHA-256 hash. */
export async function createApiToken(actor: CurrentUser, input: { name: string; expiresAt?: string | null }) {
  authorize(actor, "token.manageOwn");
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const token = await db.apiToken.create({
    data: {
      userId: actor.id,
      name: input.name,
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashToken(secret),
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    },
    select: summarySelect,
  });
  return { token: toSummary(token), secret };
}

export async function listApiTokens(actor: CurrentUser): Promise<ApiTokenSummary[]> {
  authorize(actor, "token.manageOwn");
  const tokens = await db.apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, select: summarySelect });
  return tokens.map(toSummary);
}

export async function revokeApiToken(actor: CurrentUser, id: string): Promise<void> {
  authorize(actor, "token.manageOwn");
  // Scoped to the actor in the where clause: someone else's token id is simply not found.
  const { count } = await db.apiToken.updateMany({ where: { id, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) {
    const exists = await db.apiToken.findFirst({ where: { id, userId: actor.id }, select: { id: true } });
    if (!exists) throw notFound("Token");
  }
}
