import { db } from "@/lib/db";
import { verifyPassword } from "./password";
import { SIGNIN_LIMITS, accountKey, clearKey, ipKey, isLimited, recordFailure } from "./rate-limit";
import type { Role } from "./policy";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks credentials for the sign-in form. The answer never says which part was wrong;
 * a deactivated account looks the same as a wrong password.
 */
export async function signInWithPassword(email: string, password: string, ip: string): Promise<SignInResult> {
  const normalizedEmail = email.trim().toLowerCase();
  const [accountLimited, ipLimited] = await Promise.all([
    isLimited(accountKey(normalizedEmail), SIGNIN_LIMITS.account.max),
    isLimited(ipKey(ip), SIGNIN_LIMITS.ip.max),
  ]);
  if (accountLimited || ipLimited) return { ok: false, reason: "rate_limited" };

  const user = await db.user.findUnique({
    where: { email: normalizedEmail },
    omit: { passwordHash: false },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || !valid || !user.active) {
    await Promise.all([
      recordFailure(accountKey(normalizedEmail), SIGNIN_LIMITS.account.windowMs),
      recordFailure(ipKey(ip), SIGNIN_LIMITS.ip.windowMs),
    ]);
    return { ok: false, reason: "invalid" };
  }
  await clearKey(accountKey(normalizedEmail));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
