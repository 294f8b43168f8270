import { safeUrl } from "./safe-url";

/**
 * A URL as a Markdown link destination, or null when it may not become a link. Parentheses
 * and spaces are percent-encoded so they cannot end the destination early.
 */
export function markdownLinkUrl(raw: string | null | undefined): string | null {
  const href = safeUrl(raw);
  return href ? href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) : null;
}
