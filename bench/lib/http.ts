/** Timed HTTP requests against the app and a next-auth session without a browser. */
import { performance } from "node:perf_hooks";

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  await res.arrayBuffer();
  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: header() } });
  const body = (await session.json()) as { user?: { email?: string } };
  if (body.user?.email !== email) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return header();
}

/** Milliseconds until the whole body of `url` has arrived; throws on a non-2xx answer. */
export async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const start = performance.now();
  const res = await fetch(url, { headers, redirect: "manual" });
  await res.arrayBuffer();
  const ms = performance.now() - start;
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return ms;
}
