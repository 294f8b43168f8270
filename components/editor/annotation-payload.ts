/**
 * The article page sends its annotations to the browser in this compact form: one JSON
 * string of rows (field names once, people once, the article id not at all) instead of
 * 2,000 objects. React's payload carries a long string as it is, and the browser parses it
 * with one native JSON.parse instead of reviving every object and field of the RSC model.
 */
import type { AnnotationDto, AnnotationKind, AnnotationStatus, AnchorState, EvidenceDto, UserRef, Verdict } from "@/lib/annotations/types";

type Row = [
  id: string,
  kind: AnnotationKind,
  status: AnnotationStatus,
  verdict: Verdict | null,
  start: number | null,
  end: number | null,
  exact: string,
  prefix: string,
  suffix: string,
  anchor: AnchorState,
  note: string,
  rationale: string,
  sourceId: string | null,
  evidence: [url: string, title: string, quote: string, note: string][],
  author: number,
  verdictBy: number,
  signedOffBy: number,
  signedOffAt: string | null,
  revision: number,
  version: number,
  createdAt: string,
  updatedAt: string,
];

interface Payload {
  /** Everyone the rows refer to; a row holds indexes into it (-1: nobody). */
  people: UserRef[];
  rows: Row[];
}

/** The annotations of one article (all with `articleId`) as one string. */
export function packAnnotations(list: readonly AnnotationDto[]): string {
  const people: UserRef[] = [];
  const indexOf = new Map<string, number>();
  const person = (user: UserRef | null): number => {
    if (!user) return -1;
    let index = indexOf.get(user.id);
    if (index === undefined) {
      index = people.push({ id: user.id, name: user.name }) - 1;
      indexOf.set(user.id, index);
    }
    return index;
  };
  const rows = list.map(
    (a): Row => [
      a.id,
      a.kind,
      a.status,
      a.verdict,
      a.target.start,
      a.target.end,
      a.target.exact,
      a.target.prefix,
      a.target.suffix,
      a.anchor,
      a.note,
      a.rationale,
      a.sourceId,
      a.evidence.map((e) => [e.url, e.title, e.quote, e.note]),
      person(a.author),
      person(a.verdictBy),
      person(a.signedOffBy),
      a.signedOffAt,
      a.revision,
      a.version,
      a.createdAt,
      a.updatedAt,
    ],
  );
  return JSON.stringify({ people, rows } satisfies Payload);
}

/** The annotations of `packAnnotations`, as the API returns them. */
export function unpackAnnotations(text: string, articleId: string): AnnotationDto[] {
  const { people, rows } = JSON.parse(text) as Payload;
  const person = (index: number): UserRef | null => (index >= 0 ? people[index] : null);
  return rows.map(
    ([id, kind, status, verdict, start, end, exact, prefix, suffix, anchor, note, rationale, sourceId, evidence, author, verdictBy, signedOffBy, signedOffAt, revision, version, createdAt, updatedAt]) => ({
      id,
      articleId,
      kind,
      status,
      verdict,
      target: { start, end, exact, prefix, suffix },
      anchor,
      note,
      rationale,
      sourceId,
      evidence: evidence.map(([url, title, quote, evidenceNote]): EvidenceDto => ({ url, title, quote, note: evidenceNote })),
      author: people[author],
      verdictBy: person(verdictBy),
      signedOffBy: person(signedOffBy),
      signedOffAt,
      revision,
      version,
      createdAt,
      updatedAt,
    }),
  );
}
