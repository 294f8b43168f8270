/** A JSON-LD document as the exported file: indented for people who open it, newline-terminated. */
export function serializeJsonLd(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
