/**
 * An ASCII-only file name from the article's title: accents folded ("Vérité" → "verite"),
 * emoji and punctuation dropped, words joined by hyphens, at most 60 characters, so that
 * it survives every browser, OS and mail client. `fallback` is used when nothing is left.
 */
export function exportFileName(title: string, fallback: string, extension: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[’']/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || fallback}.${extension}`;
}
