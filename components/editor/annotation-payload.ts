/**
 * The article page sends its annotations to the browser in this compact form: one JSON
 * string of rows (field names once, people once, the article id not at all) instead of
 * 2,000 objects. React's payload carries a long string as it is, and the browser parses it
 * with one native JSON.parse instead of reviving every object and field of the RSC model.
 *
 * What the browser can work out itself is left out, so the page (and the HTML the browser
 * parses before the article is drawn) is about half as large:
 * - the quote (exact, prefix, suffix) of an annotation whose quote is exactly the text at
 *   its position in the article (`selector`, the same function on both sides): most are;
 * - the repeated words (kind, status, verdict, anchor state) are indexes into a word list;
 * - timestamps are milliseconds (updatedAt as milliseconds after createdAt) when the
 *   ISO string they stand for is exactly what `toISOString` gives back.
 */
import type { AnnotationDto, AnnotationKind, AnnotationStatus, AnchorState, EvidenceDto, UserRef, Verdict } from "@/lib/annotations/types";
import { codePointIndex } from "@/lib/anchoring/code-points";
import { buildQuoteSelector } from "@/lib/anchoring/quote-selector";
import type { TextQuoteSelector } from "@/lib/anchoring/types";

/** A timestamp: milliseconds since the epoch when exact, else the string as it was. */
type Time = number | string;

type Row = [
  id: string,
  kind: number,
  status: number,
  verdict: number,
  start: number | null,
  end: number | null,
  /** 0: the text at start…end (see `selector`); else the quote as stored. */
  quote: 0 | [exact: string, prefix: string, suffix: string],
  anchor: number,
  note: string,
  rationale: string,
  sourceId: string | null,
  evidence: [url: string, title: string, quote: string, note: string][],
  author: number,
  verdictBy: number,
  signedOffBy: number,
  signedOffAt: Time | null,
  revision: number,
  version: number,
  createdAt: Time,
  /** Milliseconds after createdAt when both are exact, else the string. */
  updatedAt: Time,
];

interface Payload {
  /** Everyone the rows refer to; a row holds indexes into it (-1: nobody). */
  people: UserRef[];
  /** The words (kinds, statuses, verdicts, anchor states) rows refer to by index (-1: none). */
  words: string[];
  rows: Row[];
}

/** The quote selector of a code point range of the article's current text. */
export type QuoteOf = (start: number, end: number) => TextQuoteSelector;

/** The quotes of a text as the browser's TextMap gives them (`selector`), for the server. */
export function textQuotes(text: string): QuoteOf {
  const codePoints = codePointIndex(text);
  return (start, end) => buildQuoteSelector(text, codePoints.toCodeUnit(start), codePoints.toCodeUnit(end));
}

function toTime(iso: string): Time {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms : iso;
}

const fromTime = (time: Time): string => (typeof time === "number" ? new Date(time).toISOString() : time);

/**
 * The annotations of one article (all with `articleId`) as one string. `selector` gives the
 * quote of a range of the article's current text (the browser has the same text and
 * function); without it every quote is sent.
 */
export function packAnnotations(list: readonly AnnotationDto[], selector?: QuoteOf): string {
  const people: UserRef[] = [];
  const personIndex = new Map<string, number>();
  const person = (user: UserRef | null): number => {
    if (!user) return -1;
    let index = personIndex.get(user.id);
    if (index === undefined) {
      index = people.push({ id: user.id, name: user.name }) - 1;
      personIndex.set(user.id, index);
    }
    return index;
  };
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const word = (value: string | null): number => {
    if (value === null) return -1;
    let index = wordIndex.get(value);
    if (index === undefined) {
      index = words.push(value) - 1;
      wordIndex.set(value, index);
    }
    return index;
  };
  const quote = ({ start, end, exact, prefix, suffix }: AnnotationDto["target"]): Row[6] => {
    if (selector && start !== null && end !== null) {
      const here = selector(start, end);
      if (here.exact === exact && here.prefix === prefix && here.suffix === suffix) return 0;
    }
    return [exact, prefix, suffix];
  };
  const rows = list.map((a): Row => {
    const createdAt = toTime(a.createdAt);
    const updatedAt = toTime(a.updatedAt);
    return [
      a.id,
      word(a.kind),
      word(a.status),
      word(a.verdict),
      a.target.start,
      a.target.end,
      quote(a.target),
      word(a.anchor),
      a.note,
      a.rationale,
      a.sourceId,
      a.evidence.map((e) => [e.url, e.title, e.quote, e.note]),
      person(a.author),
      person(a.verdictBy),
      person(a.signedOffBy),
      a.signedOffAt === null ? null : toTime(a.signedOffAt),
      a.revision,
      a.version,
      createdAt,
      typeof createdAt === "number" && typeof updatedAt === "number" ? updatedAt - createdAt : a.updatedAt,
    ];
  });
  return JSON.stringify({ people, words, rows } satisfies Payload);
}

/**
 * The annotations of `packAnnotations`, as the API returns them. `selector` must give the
 * quotes of the text the page was packed with (the article's current text).
 */
export function unpackAnnotations(text: string, articleId: string, selector: QuoteOf): AnnotationDto[] {
  const { people, words, rows } = JSON.parse(text) as Payload;
  const person = (index: number): UserRef | null => (index >= 0 ? people[index] : null);
  const wordAt = (index: number): string | null => (index >= 0 ? words[index] : null);
  return rows.map(
    ([id, kind, status, verdict, start, end, quote, anchor, note, rationale, sourceId, evidence, author, verdictBy, signedOffBy, signedOffAt, revision, version, createdAt, updatedAt]) => {
      const { exact, prefix, suffix } =
        quote === 0 && start !== null && end !== null ? selector(start, end) : { exact: quote ? quote[0] : "", prefix: quote ? quote[1] : "", suffix: quote ? quote[2] : "" };
      return {
        id,
        articleId,
        kind: wordAt(kind) as AnnotationKind,
        status: wordAt(status) as AnnotationStatus,
        verdict: wordAt(verdict) as Verdict | null,
        target: { start, end, exact, prefix, suffix },
        anchor: wordAt(anchor) as AnchorState,
        note,
        rationale,
        sourceId,
        evidence: evidence.map(([url, title, evidenceQuote, evidenceNote]): EvidenceDto => ({ url, title, quote: evidenceQuote, note: evidenceNote })),
        author: people[author],
        verdictBy: person(verdictBy),
        signedOffBy: person(signedOffBy),
        signedOffAt: signedOffAt === null ? null : fromTime(signedOffAt),
        revision,
        version,
        createdAt: fromTime(createdAt),
        updatedAt: typeof updatedAt === "number" && typeof createdAt === "number" ? new Date(createdAt + updatedAt).toISOString() : fromTime(updatedAt),
      };
    },
  );
}
