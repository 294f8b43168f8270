/**
 * A date as the reader of an exported file reads it ("3 mars 2025", "March 3, 2025").
 * Always in UTC: an export must read the same wherever the server runs.
 */
export function formatExportDate(iso: string, locale: "fr" | "en"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);
}
