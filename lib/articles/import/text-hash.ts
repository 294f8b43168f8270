import { createHash } from "node:crypto";

// Both duplicate keys are imported from here by the article services.
export { normalizeUrl } from "./normalize-url";

/**
 * A key for "the same text imported twice": SHA-256 (hex) of the text in NFC, lowercased,
 * with every run of white space (NBSP and line breaks included) folded to one space and the
 * ends trimmed, so a re-paste with other line breaks or spacing still matches.
 */
export function textFingerprint(text: string): string {
  const folded = text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha256").update(folded, "utf8").digest("hex");
}
