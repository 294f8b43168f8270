/** A quoted passage with the quotation marks of the reader's language. */
export function withQuoteMarks(text: string, locale: "fr" | "en"): string {
  // French typography puts a no-break space inside the guillemets.
  return locale === "fr" ? `«\u00a0${text}\u00a0»` : `“${text}”`;
}
