import type { NextRequest } from "next/server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * A state-changing request carried by the session cookie must come from our own pages:
 * its Origin must name this host. Requests without Origin are accepted only when the
 * browser does not mark them cross-site (non-browser clients send neither header).
 */
export function isCrossOrigin(req: NextRequest): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.headers.get("origin");
  if (!origin) return req.headers.get("sec-fetch-site") === "cross-site";
  const originHost = hostOf(origin);
  const allowed = new Set(
    [req.headers.get("x-forwarded-host"), req.headers.get("host"), hostOf(process.env.NEXTAUTH_URL)].filter(
      (h): h is string => Boolean(h),
    ),
  );
  return !originHost || !allowed.has(originHost);
}
