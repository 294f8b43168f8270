/** Query parameters that say how a reader arrived, not which page they read. */
const TRACKING_PARAMS = new Set([
  "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
  "ttclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
  "mkt_tok", "ocid", "cmpid", "smid", "ref_src", "ref_url",
  // French publishers (AT Internet / Piano tags): Le Monde, France Télévisions, Le Figaro…
  "xtor", "xts", "xtref",
]);
const TRACKING_PREFIXES = ["utm_", "at_", "pk_", "mtm_"];

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The form of an article URL used to spot the same article imported twice: lowercase host
 * (the URL parser does that and drops a default port), no fragment, no tracking parameters,
 * no trailing slash on the path. It is still the page's working address, so it can be stored
 * and shown; scheme and "www." are kept because they can name another site. A string that
 * is not an absolute URL comes back trimmed, unchanged otherwise.
 */
export function normalizeUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  parsed.hash = "";
  // Filtered by hand: going through `searchParams` would re-encode the parameters kept.
  const kept = parsed.search
    .slice(1)
    .split("&")
    .filter((part) => part && !isTracking(part.split("=", 1)[0]));
  parsed.search = kept.length > 0 ? `?${kept.join("&")}` : "";
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith("/")) {
    parsed.pathname = parsed.pathname.replace(/\/+$/, "");
  }
  return parsed.href;
}
