import { db } from "@/lib/db";

/**
 * Fixed-window counters in Postgres, so a limit holds across every app instance.
 * Used for failed sign-ins: per account and per client IP.
 */
export const SIGNIN_LIMITS = {
  account: { max: 5, windowMs: 15 * 60_000 },
  ip: { max: 30, windowMs: 15 * 60_000 },
} as const;

export const accountKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `signin:ip:${ip}`;

/** True when the key has reached `max` failures in its current window. */
export async function isLimited(key: string, max: number): Promise<boolean> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key } });
  return Boolean(bucket && bucket.resetAt > new Date() && bucket.count >= max);
}

/** Counts one failure; starts a new window when the old one is over. Atomic across instances. */
export async function recordFailure(key: string, windowMs: number): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now()
        THEN now() + ${windowMs} * interval '1 millisecond' ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count"`;
  return rows[0]?.count ?? 1;
}

export async function clearKey(key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
