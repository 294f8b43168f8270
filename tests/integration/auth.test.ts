import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import * as articlesRoute from "@/app/api/v1/articles/route";
import * as tokensRoute from "@/app/api/v1/me/tokens/route";
import * as tokenRoute from "@/app/api/v1/me/tokens/[id]/route";
import * as usersRoute from "@/app/api/v1/users/route";
import * as userRoute from "@/app/api/v1/users/[id]/route";
import { SIGNIN_LIMITS } from "@/lib/auth/rate-limit";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { makeUser } from "./support/factories";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret";

async function sessionCookie(uid: string) {
  const token = await encode({ token: { uid, role: "REVIEWER" }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

describe("authentication and the route wrapper", () => {
  it("accepts a session cookie from our own pages and refuses a cross-site write", async () => {
    const editor = await makeUser("EDITOR");
    const cookie = await sessionCookie(editor.id);
    const list = await callRoute(articlesRoute.GET, { headers: { cookie } });
    expect(list.status).toBe(200);
    const body = { title: "x", format: "text", body: `Texte ${Math.random()}` };
    const cross = await callRoute(articlesRoute.POST, { method: "POST", headers: { cookie, origin: "https://evil.example" }, body });
    expect(cross.status).toBe(403);
    expect(cross.json.error?.code).toBe("cross_origin");
    const same = await callRoute(articlesRoute.POST, { method: "POST", headers: { cookie, origin: "http://localhost:3000", host: "localhost:3000" }, body });
    expect(same.status).toBe(201);
  });

  it("stops a deactivated user's live session and tokens at once, and applies a role change at once", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("EDITOR");
    const cookie = await sessionCookie(user.id);
    expect((await callRoute(usersRoute.GET, { token: user.token })).status).toBe(403);
    await callRoute(userRoute.PATCH, { method: "PATCH", token: admin.token, params: { id: user.id }, body: { role: "REVIEWER" } });
    const asReviewer = await callRoute(articlesRoute.POST, { method: "POST", token: user.token, body: { title: "x", format: "text", body: "y" } });
    expect(asReviewer.status).toBe(403);
    await callRoute(userRoute.PATCH, { method: "PATCH", token: admin.token, params: { id: user.id }, body: { active: false } });
    expect((await callRoute(articlesRoute.GET, { token: user.token })).status).toBe(401);
    expect((await callRoute(articlesRoute.GET, { headers: { cookie } })).status).toBe(401);
    expect((await signInWithPassword(user.email, user.password, "10.0.0.1")).ok).toBe(false);
  });

  it("creates a token shown once, lists it by prefix, and refuses it once revoked", async () => {
    const user = await makeUser("REVIEWER");
    const created = await callRoute(tokensRoute.POST, { method: "POST", token: user.token, body: { name: "CMS" } });
    expect(created.status).toBe(201);
    const secret = created.json.secret as string;
    expect(secret).toMatch(/^fm_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiToken.findFirstOrThrow({ where: { name: "CMS", userId: user.id }, omit: { tokenHash: false } });
    expect(stored.tokenHash).not.toContain(secret);
    expect((await callRoute(articlesRoute.GET, { token: secret })).status).toBe(200);
    const list = await callRoute(tokensRoute.GET, { token: secret });
    expect(JSON.stringify(list.json)).not.toContain(secret);
    expect(JSON.stringify(list.json)).not.toContain("tokenHash");
    const id = (created.json.token as { id: string }).id;
    expect((await callRoute(tokenRoute.DELETE, { method: "DELETE", token: user.token, params: { id } })).status).toBe(204);
    expect((await callRoute(articlesRoute.GET, { token: secret })).status).toBe(401);
    const other = await makeUser("REVIEWER");
    const user2Tokens = await db.apiToken.findFirstOrThrow({ where: { userId: other.id } });
    expect((await callRoute(tokenRoute.DELETE, { method: "DELETE", token: user.token, params: { id: user2Tokens.id } })).status).toBe(404);
  });

  it("never returns password hashes from default queries", async () => {
    const user = await makeUser("REVIEWER");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
    const admin = await makeUser("ADMIN");
    const list = await callRoute(usersRoute.GET, { token: admin.token });
    expect(JSON.stringify(list.json)).not.toMatch(/passwordHash|argon2/);
  });

  it("refuses an expired token", async () => {
    const user = await makeUser("REVIEWER");
    const past = await callRoute(tokensRoute.POST, { method: "POST", token: user.token, body: { name: "old", expiresAt: "2020-01-01" } });
    expect(past.status).toBe(422);
    expect(past.json.error?.fields).toHaveProperty("expiresAt");
    const created = await callRoute(tokensRoute.POST, { method: "POST", token: user.token, body: { name: "short" } });
    await db.apiToken.update({ where: { id: (created.json.token as { id: string }).id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callRoute(articlesRoute.GET, { token: created.json.secret as string })).status).toBe(401);
  });
});

describe("sign-in rate limiting", () => {
  it("locks an account after repeated failures, even with the right password, and says nothing else", async () => {
    const user = await makeUser("REVIEWER");
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < SIGNIN_LIMITS.account.max; i++) {
      expect(await signInWithPassword(user.email, "wrong password", `${ip}-${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signInWithPassword(user.email, user.password, ip)).toEqual({ ok: false, reason: "rate_limited" });
    const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: `signin:account:${user.email}` } });
    expect(bucket.count).toBe(SIGNIN_LIMITS.account.max);
  });

  it("limits one IP trying many accounts, and an unknown email looks like a wrong password", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    for (let i = 0; i < SIGNIN_LIMITS.ip.max; i++) {
      expect((await signInWithPassword(`nobody-${i}-${Date.now()}@test.local`, "x", ip)).ok).toBe(false);
    }
    const user = await makeUser("REVIEWER");
    expect(await signInWithPassword(user.email, user.password, ip)).toEqual({ ok: false, reason: "rate_limited" });
    expect((await signInWithPassword(user.email, user.password, "192.0.2.1")).ok).toBe(true);
  });
});
