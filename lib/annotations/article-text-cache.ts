import type { Db, Tx } from "@/lib/db";

/**
 * The text of recently annotated articles, by id, with the revision it belongs to.
 *
 * An article's text changes only with its revision, and every annotation write re-checks the
 * revision in the statement that writes: a stale entry makes that statement write nothing,
 * and the caller reads the article afresh and tries again. So the cache can save a
 * round trip per save without ever letting an annotation be placed on an old text.
 */
export interface ArticleText {
  id: string;
  revision: number;
  status: string;
  text: string;
}

const MAX_CACHED_CHARS = 16 * 1024 * 1024;
const cache = new Map<string, ArticleText>();
let cachedChars = 0;

function remember(article: ArticleText) {
  const old = cache.get(article.id);
  if (old) {
    cache.delete(article.id);
    cachedChars -= old.text.length;
  }
  cache.set(article.id, article);
  cachedChars += article.text.length;
  // Least recently used first (a Map iterates in insertion order).
  for (const [id, entry] of cache) {
    if (cachedChars <= MAX_CACHED_CHARS || cache.size === 1) break;
    cache.delete(id);
    cachedChars -= entry.text.length;
  }
}

/** Reads an article's revision, status and text; null when it does not exist. */
export async function readArticleText(client: Db | Tx, id: string): Promise<ArticleText | null> {
  const rows = await client.$queryRaw<ArticleText[]>`
    SELECT id::text AS id, revision, status::text AS status, text FROM "Article" WHERE id = ${id}::uuid`;
  const article = rows[0] ?? null;
  if (article) remember(article);
  else forgetArticleText(id);
  return article;
}

/**
 * The article's text at `revision` when known (any revision when not given), else read.
 * The status of a cached entry may be old: writers re-check it in their statement.
 */
export async function articleText(client: Db | Tx, id: string, revision?: number): Promise<ArticleText | null> {
  const hit = cache.get(id);
  if (hit && (revision === undefined || hit.revision === revision)) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  return readArticleText(client, id);
}

export function forgetArticleText(id: string) {
  const old = cache.get(id);
  if (old) {
    cache.delete(id);
    cachedChars -= old.text.length;
  }
}
