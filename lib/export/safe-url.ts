const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The normalized form of a URL an export may turn into a link, or null. Only http(s) and
 * mailto pass: a `javascript:` or `data:` URL stored as evidence must never become
 * clickable in a file opened by someone else. Normalizing also percent-encodes non-ASCII
 * characters, so the result is a valid URI for JSON-LD validators.
 */
export function safeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}
