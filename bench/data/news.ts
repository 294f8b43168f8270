/**
 * Seeded French and English news copy for the benchmark: sentences full of figures in local
 * formats (`280.000`, `15 902`, `six millions`, `87 %`, `1er janvier`, `280,000`, `87%`) and of
 * attributions (`selon …`, `cité par …`, `according to …`), with the passages a fact-checker
 * would tag recorded as spans while the text is written: the figure, the attribution, the
 * claim (subject to figure) and sometimes the whole sentence, so annotations overlap the way
 * real ones do. Some quotes and titles carry emoji outside the Basic Multilingual Plane.
 */
import type { Random } from "./random";

export type Language = "fr" | "en";
export type SpanRole = "figure" | "source" | "claim";

/** A passage worth annotating, in JS string offsets (code units), end exclusive. */
export interface Span {
  start: number;
  end: number;
  role: SpanRole;
}

export interface GeneratedArticle {
  language: Language;
  title: string;
  outlet: string;
  author: string;
  /** Paragraphs joined by a blank line: the canonical text the app derives from it. */
  body: string;
  spans: Span[];
  words: number;
}

interface Vocabulary {
  /** [at the start of a sentence, inside a sentence] */
  subjects: readonly (readonly [string, string])[];
  verbs: readonly string[];
  nouns: readonly string[];
  percentNouns: readonly string[];
  sources: readonly string[];
  quoteSources: readonly string[];
  quotes: readonly string[];
  fillers: readonly string[];
  places: readonly string[];
  days: readonly string[];
  outlets: readonly string[];
  authors: readonly string[];
  headlineVerbs: readonly string[];
}

const FR: Vocabulary = {
  subjects: [
    ["Le gouvernement", "le gouvernement"],
    ["La marine russe", "la marine russe"],
    ["Le ministère de la Santé", "le ministère de la Santé"],
    ["L’Insee", "l’Insee"],
    ["La Commission européenne", "la Commission européenne"],
    ["La préfecture de police", "la préfecture de police"],
    ["La mairie de Marseille", "la mairie de Marseille"],
    ["Le groupe TotalEnergies", "le groupe TotalEnergies"],
    ["L’armée ukrainienne", "l’armée ukrainienne"],
    ["La Banque de France", "la Banque de France"],
    ["La CGT", "la CGT"],
    ["L’ONU", "l’ONU"],
    ["La SNCF", "la SNCF"],
    ["Le Kremlin", "le Kremlin"],
    ["La région Bretagne", "la région Bretagne"],
    ["Le parquet de Paris", "le parquet de Paris"],
    ["L’OMS", "l’OMS"],
    ["Météo-France", "Météo-France"],
    ["France Travail", "France Travail"],
    ["La Cour des comptes", "la Cour des comptes"],
  ],
  verbs: [
    "affirme avoir recensé",
    "aurait mobilisé",
    "annonce",
    "dit avoir distribué",
    "prévoit",
    "a comptabilisé",
    "évoque",
    "table sur",
    "revendique",
    "aurait perdu",
    "promet",
    "aurait déployé",
  ],
  nouns: [
    "personnes",
    "logements",
    "soldats",
    "emplois",
    "doses de vaccin",
    "tonnes de céréales",
    "kilomètres de voies",
    "migrants",
    "entreprises",
    "élèves",
    "manifestants",
    "navires",
  ],
  percentNouns: ["des ménages", "de la population", "de hausse", "des électeurs", "du budget", "des effectifs"],
  sources: [
    "selon les services britanniques",
    "cité par l’agence TASS",
    "d’après l’Insee",
    "selon un rapport de la Cour des comptes",
    "a indiqué le ministère dimanche",
    "selon Le Monde",
    "selon l’AFP",
    "d’après des sources syndicales",
    "cité par Reuters",
    "selon un communiqué de la préfecture",
    "d’après une note interne consultée par Libération",
    "selon l'Observatoire syrien des droits de l'homme",
    "cité par l’agence Interfax",
    "selon des chiffres officiels",
  ],
  quoteSources: ["cité par franceinfo", "selon BFMTV", "d’après Ouest-France", "cité par l’AFP", "selon Le Parisien"],
  quotes: [
    "Nous tiendrons 💪",
    "La situation est sous contrôle",
    "Ces chiffres sont faux",
    "Personne ne sera laissé de côté 🤝",
    "Nous n’avons jamais dit cela",
    "C’est une première historique 📈",
  ],
  fillers: [
    "La décision intervient après plusieurs semaines de négociations à {place}.",
    "Aucune confirmation indépendante n’a pu être obtenue {day}.",
    "Le dossier doit être examiné en commission à {place} la semaine prochaine.",
    "Les chiffres n’ont pas été détaillés lors de la conférence de presse de {day}.",
    "Plusieurs élus de l’opposition ont dénoncé une manœuvre à {place}.",
    "Une réunion est prévue {day} à {place}.",
    "L’information n’a pas été démentie par les autorités de {place}.",
    "Les associations locales réclament davantage de transparence depuis {day}.",
  ],
  places: ["Bruxelles", "Marseille", "Lyon", "Kiev", "Moscou", "Londres", "Bordeaux", "Lille", "Strasbourg", "Genève"],
  days: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
  outlets: ["Le Monde", "AFP", "Le Figaro", "Libération", "Ouest-France", "France 24", "franceinfo", "Mediapart"],
  authors: ["Claire Dubois", "Julien Martin", "Sophie Lefèvre", "Karim Benali", "Élodie Moreau", "Thomas Girard"],
  headlineVerbs: ["aurait doublé", "annonce", "dément", "promet", "revoit à la baisse", "chiffre"],
};

const EN: Vocabulary = {
  subjects: [
    ["The government", "the government"],
    ["The Russian navy", "the Russian navy"],
    ["The health ministry", "the health ministry"],
    ["The Office for National Statistics", "the Office for National Statistics"],
    ["The European Commission", "the European Commission"],
    ["The Metropolitan Police", "the Metropolitan Police"],
    ["Manchester City Council", "Manchester City Council"],
    ["Shell", "Shell"],
    ["The Ukrainian army", "the Ukrainian army"],
    ["The Bank of England", "the Bank of England"],
    ["The union Unite", "the union Unite"],
    ["The UN", "the UN"],
    ["Network Rail", "Network Rail"],
    ["The Kremlin", "the Kremlin"],
    ["The Scottish government", "the Scottish government"],
    ["The WHO", "the WHO"],
    ["The Met Office", "the Met Office"],
    ["The Treasury", "the Treasury"],
  ],
  verbs: [
    "says it has counted",
    "reportedly mobilised",
    "announced",
    "says it distributed",
    "expects",
    "recorded",
    "cited",
    "claims",
    "reportedly lost",
    "plans to cut",
    "promised",
    "reportedly deployed",
  ],
  nouns: [
    "people",
    "homes",
    "troops",
    "jobs",
    "vaccine doses",
    "tonnes of grain",
    "kilometres of track",
    "migrants",
    "companies",
    "pupils",
    "protesters",
    "ships",
  ],
  percentNouns: ["of households", "of the population", "of voters", "of the budget", "of staff"],
  sources: [
    "according to CNN",
    "cited by Reuters",
    "according to the ONS",
    "the ministry said on Sunday",
    "according to a report by the IMF",
    "as quoted by the BBC",
    "officials told AP",
    "according to figures seen by The Guardian",
    "a spokesperson said",
    "according to Ukrainian officials",
    "according to a leaked memo",
    "according to the Financial Times",
  ],
  quoteSources: ["according to Sky News", "as quoted by the BBC", "cited by The Times", "according to ITV News"],
  quotes: [
    "We will hold the line 💪",
    "The situation is under control",
    "These figures are wrong",
    "Nobody will be left behind 🤝",
    "We never said that",
    "This is a historic first 📈",
  ],
  fillers: [
    "The decision follows weeks of negotiations in {place}.",
    "No independent confirmation could be obtained on {day}.",
    "The matter is due before a committee in {place} next week.",
    "The figures were not broken down at {day}'s press conference.",
    "Several opposition MPs denounced the move in {place}.",
    "A meeting is scheduled for {day} in {place}.",
    "The authorities in {place} have not denied the report.",
    "Local charities have demanded more transparency since {day}.",
  ],
  places: ["Brussels", "Manchester", "Glasgow", "Kyiv", "Moscow", "London", "Cardiff", "Belfast", "Geneva", "Leeds"],
  days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  outlets: ["Reuters", "BBC News", "The Guardian", "AP", "The Times", "Financial Times", "Sky News"],
  authors: ["James Carter", "Priya Shah", "Emma Walsh", "Daniel Okafor", "Hannah Reid", "Tom Fletcher"],
  headlineVerbs: ["doubles", "announces", "denies", "pledges", "cuts", "puts figure at"],
};

export const VOCABULARY: Record<Language, Vocabulary> = { fr: FR, en: EN };

const TITLE_EMOJI = ["🇷🇺", "🇺🇦", "🇫🇷", "🇬🇧", "📈", "📉", "⚠️", "🌍"];

const FR_NUMBER_WORDS = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];
const EN_NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function groupDigits(n: number, separator: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A count as newsrooms write it; `plural` says whether the noun follows with "de"/"of"-less grammar. */
function count(rng: Random, language: Language): { text: string; words: boolean } {
  const n = rng.chance(0.5) ? rng.int(2, 999) * 1000 : rng.int(1_001, 999_999);
  const style = rng.int(0, 5);
  if (language === "fr") {
    if (style === 0) return { text: groupDigits(n, "."), words: false };
    if (style === 1) return { text: groupDigits(n, "\u202f"), words: false };
    if (style === 2) return { text: groupDigits(n, " "), words: false };
    if (style === 3) return { text: `${rng.pick(FR_NUMBER_WORDS)} ${rng.pick(["millions", "milliards"])}`, words: true };
    if (style === 4) return { text: `${rng.pick(["près de", "environ", "plus de", "quelque"])} ${groupDigits(rng.int(12, 9_999), "\u00a0")}`, words: false };
    return { text: `${rng.int(2, 9)},${rng.int(1, 9)} millions`, words: true };
  }
  if (style <= 2) return { text: groupDigits(n, ","), words: false };
  if (style === 3) return { text: `${rng.pick(EN_NUMBER_WORDS)} ${rng.pick(["million", "billion"])}`, words: false };
  if (style === 4) return { text: `${rng.pick(["nearly", "about", "more than", "some"])} ${groupDigits(rng.int(12, 9_999), ",")}`, words: false };
  return { text: `${rng.int(2, 9)}.${rng.int(1, 9)} million`, words: false };
}

function percent(rng: Random, language: Language): string {
  const whole = rng.int(1, 99);
  const decimal = rng.chance(0.3) ? rng.int(1, 9) : null;
  if (language === "fr") return `${whole}${decimal === null ? "" : `,${decimal}`}\u00a0%`;
  return rng.chance(0.8) ? `${whole}${decimal === null ? "" : `.${decimal}`}%` : `${whole} per cent`;
}

function money(rng: Random, language: Language): string {
  if (language === "fr") {
    return rng.pick([
      `${rng.int(1, 9)},${rng.int(1, 9)} milliards d’euros`,
      `${rng.int(12, 950)} millions d’euros`,
      `${groupDigits(rng.int(1_000, 99_000), "\u202f")} euros`,
    ]);
  }
  return rng.pick([`$${rng.int(1, 9)}.${rng.int(1, 9)}bn`, `£${rng.int(12, 950)} million`, `€${groupDigits(rng.int(1_000, 99_000), ",")}`]);
}

function date(rng: Random, language: Language): string {
  const month = rng.int(0, 11);
  const day = rng.int(1, 28);
  if (language === "fr") return `${day === 1 ? "1er" : day} ${FR_MONTHS[month]}${rng.chance(0.4) ? ` ${rng.int(2019, 2026)}` : ""}`;
  return `${EN_MONTHS[month]} ${day}${rng.chance(0.4) ? `, ${rng.int(2019, 2026)}` : ""}`;
}

/** Writes a sentence part by part, recording the spans of the parts worth annotating. */
class SentenceWriter {
  text = "";
  spans: Span[] = [];

  write(part: string, role?: SpanRole): { start: number; end: number } {
    const start = this.text.length;
    this.text += part;
    if (role) this.spans.push({ start, end: this.text.length, role });
    return { start, end: this.text.length };
  }

  mark(start: number, end: number, role: SpanRole) {
    this.spans.push({ start, end, role });
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fill(template: string, rng: Random, v: Vocabulary): string {
  return template.replace("{place}", rng.pick(v.places)).replace("{day}", rng.pick(v.days));
}

/** One sentence and its spans (offsets relative to the sentence). */
export function writeSentence(rng: Random, language: Language): { text: string; spans: Span[] } {
  const v = VOCABULARY[language];
  const w = new SentenceWriter();
  const pattern = rng.weighted([
    ["claim", 5],
    ["front", 3],
    ["percent", 2],
    ["money", 2],
    ["date", 1],
    ["quote", 1],
    ["filler", 3],
  ] as const);
  const wholeSentence = rng.chance(0.35);
  const figureAndNoun = (): { start: number; end: number } => {
    const figure = count(rng, language);
    const start = w.text.length;
    w.write(figure.text, "figure");
    w.write(language === "fr" && figure.words ? ` de ${rng.pick(v.nouns)}` : ` ${rng.pick(v.nouns)}`);
    return { start, end: w.text.length };
  };
  switch (pattern) {
    case "claim": {
      const [subject] = rng.pick(v.subjects);
      w.write(`${subject} ${rng.pick(v.verbs)} `);
      const { end } = figureAndNoun();
      w.mark(0, end, "claim");
      w.write(", ");
      w.write(rng.pick(v.sources), "source");
      break;
    }
    case "front": {
      w.write(capitalize(rng.pick(v.sources)), "source");
      w.write(", ");
      const claimStart = w.text.length;
      w.write(`${rng.pick(v.subjects)[1]} ${rng.pick(v.verbs)} `);
      const { end } = figureAndNoun();
      w.mark(claimStart, end, "claim");
      break;
    }
    case "percent": {
      const [subject] = rng.pick(v.subjects);
      w.write(`${subject} ${language === "fr" ? rng.pick(["évoque", "annonce", "estime à"]) : rng.pick(["cites", "announced", "estimates"])} `);
      w.write(percent(rng, language), "figure");
      w.write(` ${rng.pick(v.percentNouns)}`);
      w.mark(0, w.text.length, "claim");
      w.write(", ");
      w.write(rng.pick(v.sources), "source");
      break;
    }
    case "money": {
      const [subject] = rng.pick(v.subjects);
      w.write(`${subject} ${language === "fr" ? rng.pick(["aurait dépensé", "débloque", "réclame"]) : rng.pick(["reportedly spent", "is releasing", "is demanding"])} `);
      w.write(money(rng, language), "figure");
      w.mark(0, w.text.length, "claim");
      w.write(", ");
      w.write(rng.pick(v.sources), "source");
      break;
    }
    case "date": {
      w.write(language === "fr" ? "Depuis le " : "Since ");
      w.write(date(rng, language), "figure");
      w.write(", ");
      const claimStart = w.text.length;
      w.write(`${rng.pick(v.subjects)[1]} ${rng.pick(v.verbs)} `);
      const { end } = figureAndNoun();
      w.mark(claimStart, end, "claim");
      break;
    }
    case "quote": {
      const open = language === "fr" ? "« " : "\u201c";
      const close = language === "fr" ? " »" : ",\u201d";
      w.write(open);
      w.write(rng.pick(v.quotes), "claim");
      w.write(close);
      w.write(language === "fr" ? ", a écrit le ministre sur X, " : " the minister wrote on X, ");
      w.write(rng.pick(v.quoteSources), "source");
      break;
    }
    case "filler":
      w.write(fill(rng.pick(v.fillers), rng, v).replace(/\.$/, ""));
      break;
  }
  if (wholeSentence && pattern !== "filler") w.mark(0, w.text.length, "claim");
  w.write(".");
  return { text: w.text, spans: w.spans };
}

function countWords(text: string): number {
  let words = 0;
  for (const part of text.split(/\s+/)) if (part) words++;
  return words;
}

function writeTitle(rng: Random, language: Language, marker: string | undefined): string {
  const v = VOCABULARY[language];
  const place = rng.pick(v.places);
  const figure = rng.chance(0.5) ? count(rng, language).text : percent(rng, language);
  const subject = rng.pick(v.subjects)[1];
  const separator = language === "fr" ? "\u00a0: " : ": ";
  const emoji = rng.chance(0.3) ? ` ${rng.pick(TITLE_EMOJI)}` : "";
  const tail = marker ? ` — ${marker}` : "";
  return `${place}${separator}${subject} ${rng.pick(v.headlineVerbs)} ${figure}${emoji}${tail}`;
}

export interface ArticleOptions {
  language: Language;
  /** Write at least this many words… */
  minWords: number;
  /** …and enough sentences to offer at least this many spans. */
  minSpans?: number;
  /** A word put in the title, so a search can select this article (a bench "lot"). */
  titleMarker?: string;
}

/** A whole article: paragraphs of two to five sentences until both minimums are reached. */
export function generateArticle(rng: Random, options: ArticleOptions): GeneratedArticle {
  const { language, minWords, minSpans = 0 } = options;
  const v = VOCABULARY[language];
  const paragraphs: string[] = [];
  const spans: Span[] = [];
  let length = 0;
  let words = 0;
  while (words < minWords || spans.length < minSpans) {
    const sentences: string[] = [];
    const sentenceCount = rng.int(2, 5);
    let offset = length + (paragraphs.length > 0 ? 2 : 0);
    for (let i = 0; i < sentenceCount; i++) {
      if (i > 0) offset += 1;
      const sentence = writeSentence(rng, language);
      for (const span of sentence.spans) spans.push({ start: offset + span.start, end: offset + span.end, role: span.role });
      sentences.push(sentence.text);
      offset += sentence.text.length;
      words += countWords(sentence.text);
    }
    const paragraph = sentences.join(" ");
    length += (paragraphs.length > 0 ? 2 : 0) + paragraph.length;
    paragraphs.push(paragraph);
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    language,
    title: writeTitle(rng, language, options.titleMarker),
    outlet: rng.pick(v.outlets),
    author: rng.pick(v.authors),
    body: paragraphs.join("\n\n"),
    spans,
    words,
  };
}

/** `count` of the spans, chosen at random but always in document order. */
export function chooseSpans(rng: Random, spans: readonly Span[], count: number): Span[] {
  if (count >= spans.length) return [...spans];
  const indexes = rng.shuffle(spans.map((_, i) => i)).slice(0, count);
  return indexes.sort((a, b) => a - b).map((i) => spans[i]);
}
