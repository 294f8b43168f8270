import { francAll } from "franc-min";

export type ArticleLanguage = "fr" | "en";

/**
 * Words that are frequent in one language and (almost) absent from the other. Ambiguous
 * ones ("on", "a", "as", "plus", "son") are left out on purpose.
 */
const FRENCH_WORDS = new Set(
  ("le la les un une des du de en et est sont dans pour par sur avec sans selon ce cette ces " +
    "qui que quoi dont où il ils elle elles nous vous leur leurs au aux mais ou donc ni car " +
    "pas ne été être avoir ont avait sera son ses sa mon ma mes notre nos après avant depuis " +
    "chez contre entre vers lors aussi très cité citée tout tous toute toutes même déjà à").split(" "),
);
const ENGLISH_WORDS = new Set(
  ("the of and to in is are was were for with without by from that this these those which " +
    "who whom what it its they them their he she his her we you not but or be been being " +
    "has have had will would says said according after before since about into than " +
    "also very all there").split(" "),
);
/** The English possessive, as in "Trump's tariffs". */
const ENGLISH_POSSESSIVE = /\p{L}['’]s$/u;
/** Elided articles and pronouns (l', d', qu', n', s', j', c', m') in either apostrophe. */
const FRENCH_ELISION = /^(?:l|d|qu|n|s|j|c|m)['’]\p{L}/u;
/** Letters of French words that English words borrow rarely. */
const FRENCH_LETTERS = /[àâçéèêëîïôùûœ]/u;

/**
 * Below this many letters (a headline, a lede) franc's trigram statistics often pick the
 * wrong one of two close languages, while function words are still telling.
 */
const SHORT_TEXT_LETTERS = 200;
/**
 * Below this, with no function word or accent either way, there is nothing to go on:
 * franc calls "Nvidia stock surges" and "Brexit deal struck" French. English by default.
 */
const TINY_TEXT_LETTERS = 40;
/** franc's score of the runner-up relative to the winner (1 = a tie): above it, no opinion. */
const FRANC_TIE = 0.9;
/** Leave the trigram counting a representative sample, not a whole long article. */
const SAMPLE_CHARS = 4_000;

/** French minus English evidence from function words and French letters. */
function stopwordScore(words: string[]): number {
  let score = 0;
  for (const word of words) {
    if (FRENCH_WORDS.has(word) || FRENCH_ELISION.test(word)) score += 1;
    else if (ENGLISH_WORDS.has(word) || ENGLISH_POSSESSIVE.test(word)) score -= 1;
    else if (FRENCH_LETTERS.test(word)) score += 0.5;
  }
  return score;
}

/**
 * The language of an article, French or English. franc (trigrams, restricted to the two)
 * decides for article-length text. On short text, function words and French accents decide
 * first, then franc if it has a clear preference, then English.
 */
export function detectLanguage(text: string): ArticleLanguage {
  const sample = text
    .slice(0, SAMPLE_CHARS)
    .normalize("NFC")
    .toLowerCase()
    // URLs, handles and numbers carry no language and English-looking trigrams.
    .replace(/\b(?:https?:\/\/|www\.)\S+|[@#]\S+|\S+@\S+|\p{N}+/gu, " ");
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return "en";

  const [best, runnerUp] = francAll(sample, { only: ["fra", "eng"], minLength: 1 });
  const francSays: ArticleLanguage = best?.[0] === "fra" ? "fr" : "en";
  if (letters >= SHORT_TEXT_LETTERS) return francSays;

  const score = stopwordScore(sample.match(/[\p{L}'’]+/gu) ?? []);
  if (score > 0) return "fr";
  if (score < 0) return "en";
  const closeness = runnerUp?.[1] ?? 1;
  return letters >= TINY_TEXT_LETTERS && closeness < FRANC_TIE ? francSays : "en";
}
