import { Prisma } from "@/lib/generated/prisma/client";
import { PREPARED, type Db, type Tx } from "@/lib/db";
import { utcTimestamp } from "@/lib/sql-time";
import type { EventAction } from "./events";
import type { AnnotationRow } from "./serialize";

/**
 * The write path of annotations in one SQL statement each.
 *
 * A save is one round trip: the article row is locked (the order every writer of an article
 * follows: article, then its annotations and counters), its revision and status re-checked,
 * the annotation written, its evidence replaced, its event appended and the article's
 * activity time set — all in a single statement, so the article's lock is held for that
 * statement only, not across several round trips of an interactive transaction. When a
 * condition fails (the text changed since it was read, the article was approved, the
 * annotation changed version) nothing is written and the caller learns why by reading again.
 */

type Client = Db | Tx;

/**
 * The article's "last activity" is kept to the second. Rewriting the article row is not cheap
 * (it carries the text and its search vector, and every index of the table gets a new entry),
 * so of the many saves a busy article sees in one second only the first rewrites it.
 */
const ACTIVITY_RESOLUTION = "1 second";


export interface EvidenceRow {
  url: string;
  title: string;
  quote: string;
  note: string;
}

interface RawAnnotation {
  id: string;
  articleId: string;
  kind: AnnotationRow["kind"];
  status: AnnotationRow["status"];
  verdict: AnnotationRow["verdict"];
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  anchor: AnnotationRow["anchor"];
  revision: number;
  note: string;
  rationale: string;
  sourceId: string | null;
  authorId: string;
  authorName: string;
  verdictById: string | null;
  verdictByName: string | null;
  signedOffById: string | null;
  signedOffByName: string | null;
  signedOffAt: Date | null;
  version: number;
  createHash: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  deletedById: string | null;
}

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

/** A raw row (with the people's names joined) in the shape `toAnnotationDto` reads. */
export function rawToAnnotationRow(raw: RawAnnotation, evidence: EvidenceRow[]): AnnotationRow {
  const { authorName, verdictByName, signedOffByName, ...row } = raw;
  return {
    ...row,
    author: { id: raw.authorId, name: authorName },
    verdictBy: ref(raw.verdictById, verdictByName),
    signedOffBy: ref(raw.signedOffById, signedOffByName),
    evidence: evidence.map((e, position) => ({ id: "", annotationId: raw.id, position, ...e })),
  };
}

/** The annotation's columns plus its people's names, from a relation aliased `n`. */
const selectWithNames = Prisma.sql`
  n.id::text AS id, n."articleId"::text AS "articleId", n.kind::text AS kind, n.status::text AS status,
  n.verdict::text AS verdict, n.start, n."end", n.exact, n.prefix, n.suffix, n.anchor::text AS anchor,
  n.revision, n.note, n.rationale, n."sourceId"::text AS "sourceId",
  n."authorId"::text AS "authorId", au.name AS "authorName",
  n."verdictById"::text AS "verdictById", vb.name AS "verdictByName",
  n."signedOffById"::text AS "signedOffById", so.name AS "signedOffByName", n."signedOffAt",
  n.version, n."createHash", n."createdAt", n."updatedAt", n."deletedAt", n."deletedById"::text AS "deletedById"`;

const joinNames = Prisma.sql`
  JOIN "User" au ON au.id = n."authorId"
  LEFT JOIN "User" vb ON vb.id = n."verdictById"
  LEFT JOIN "User" so ON so.id = n."signedOffById"`;

export interface CurrentAnnotation {
  row: AnnotationRow;
  articleRevision: number;
  articleStatus: string;
}

const evidenceOf = Prisma.sql`(SELECT json_agg(json_build_object('url', e.url, 'title', e.title, 'quote', e.quote, 'note', e.note) ORDER BY e.position)
  FROM "Evidence" e WHERE e."annotationId" = n.id) AS evidence`;

/** An annotation not deleted, its evidence and its article's revision and status: one query. */
export async function readAnnotation(client: Client, id: string): Promise<CurrentAnnotation | null> {
  const rows = await client.$queryRaw<(RawAnnotation & { evidence: EvidenceRow[] | null; articleRevision: number; articleStatus: string })[]>`${PREPARED}
    SELECT ${selectWithNames}, a.revision AS "articleRevision", a.status::text AS "articleStatus", ${evidenceOf}
    FROM "Annotation" n
    JOIN "Article" a ON a.id = n."articleId"
    ${joinNames}
    WHERE n.id = ${id}::uuid AND n."deletedAt" IS NULL`;
  const raw = rows[0];
  if (!raw) return null;
  const { evidence, articleRevision, articleStatus, ...annotation } = raw;
  return { row: rawToAnnotationRow(annotation, evidence ?? []), articleRevision, articleStatus };
}

/**
 * The live annotations of an article with their people and evidence, in document order
 * (orphans, without a position, last): one query, whatever their number.
 */
export async function readArticleAnnotations(client: Client, articleId: string, filter: { kind?: string; status?: string } = {}): Promise<AnnotationRow[]> {
  const kind = filter.kind ? Prisma.sql`AND n.kind = ${filter.kind}::"AnnotationKind"` : Prisma.empty;
  const status = filter.status ? Prisma.sql`AND n.status = ${filter.status}::"AnnotationStatus"` : Prisma.empty;
  const rows = await client.$queryRaw<(RawAnnotation & { evidence: EvidenceRow[] | null })[]>`${PREPARED}
    SELECT ${selectWithNames}, ${evidenceOf}
    FROM "Annotation" n
    ${joinNames}
    WHERE n."articleId" = ${articleId}::uuid AND n."deletedAt" IS NULL ${kind} ${status}
    ORDER BY n.start ASC NULLS LAST, n."end" DESC, n."createdAt" ASC`;
  return rows.map(({ evidence, ...annotation }) => rawToAnnotationRow(annotation, evidence ?? []));
}

interface EventInput {
  actorId: string;
  action: EventAction;
  changes: Record<string, unknown>;
}

const evidenceJson = (evidence: EvidenceRow[]) =>
  JSON.stringify(evidence.map((e, position) => ({ position, url: e.url, title: e.title, quote: e.quote, note: e.note })));

/**
 * The rest of a writing statement, after the CTE (`written`) that returned the annotation's
 * row: its evidence (replaced when `replaceEvidence`), its event, and the article's activity
 * time. Each reads `written`, so when that wrote nothing, none of them writes either.
 */
function followUps(written: "ins" | "upd", now: string, event: EventInput, evidence: EvidenceRow[] | undefined, replaceEvidence: boolean): Prisma.Sql {
  const row = Prisma.raw(written);
  const gone = replaceEvidence ? Prisma.sql`, gone AS (DELETE FROM "Evidence" WHERE "annotationId" IN (SELECT id FROM ${row}))` : Prisma.empty;
  const inserted = evidence?.length
    ? Prisma.sql`, evidence AS (
        INSERT INTO "Evidence" (id, "annotationId", position, url, title, quote, note)
        SELECT gen_random_uuid(), w.id, e.position, e.url, e.title, e.quote, e.note
        FROM ${row} w, jsonb_to_recordset(${evidenceJson(evidence)}::jsonb) AS e(position int, url text, title text, quote text, note text)
      )`
    : Prisma.empty;
  return Prisma.sql`${gone}${inserted}, event AS (
      INSERT INTO "AnnotationEvent" ("annotationId", "articleId", "actorId", action, changes, "createdAt")
      SELECT w.id, w."articleId", ${event.actorId}::uuid, ${event.action}, ${JSON.stringify(event.changes)}::jsonb, ${now}::timestamp(3) FROM ${row} w
    ), activity AS (
      UPDATE "Article" SET "lastActivityAt" = ${now}::timestamp(3)
      WHERE id IN (SELECT "articleId" FROM ${row}) AND "lastActivityAt" < ${now}::timestamp(3) - ${ACTIVITY_RESOLUTION}::interval
    )`;
}

export interface NewAnnotation {
  id: string;
  articleId: string;
  kind: string;
  status: string;
  verdict: string | null;
  verdictById: string | null;
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  anchor: string;
  note: string;
  rationale: string;
  sourceId: string | null;
  authorId: string;
  createHash: string;
  evidence: EvidenceRow[];
}

/**
 * Inserts an annotation made on `revision` of its article, with its evidence and its
 * "created" event, in one statement. Returns null, having written nothing, when the article
 * is not at that revision any more, is approved or does not exist, or when the id is taken.
 */
export async function insertAnnotationRow(
  client: Client,
  input: NewAnnotation,
  revision: number,
  event: (row: AnnotationRow) => EventInput,
): Promise<AnnotationRow | null> {
  const now = utcTimestamp(new Date());
  // The event's changes need the stored row; everything they name is known before the insert.
  const draft = rawToAnnotationRow(
    {
      ...input,
      kind: input.kind as RawAnnotation["kind"],
      status: input.status as RawAnnotation["status"],
      verdict: input.verdict as RawAnnotation["verdict"],
      anchor: input.anchor as RawAnnotation["anchor"],
      revision,
      authorName: "",
      verdictByName: null,
      signedOffById: null,
      signedOffByName: null,
      signedOffAt: null,
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
      deletedAt: null,
      deletedById: null,
    },
    input.evidence,
  );
  const rows = await client.$queryRaw<RawAnnotation[]>`${PREPARED}
    WITH art AS (
      SELECT id FROM "Article"
      WHERE id = ${input.articleId}::uuid AND revision = ${revision}::int AND status <> 'APPROVED'
      FOR NO KEY UPDATE
    ), ins AS (
      INSERT INTO "Annotation" (id, "articleId", kind, status, verdict, "verdictById", start, "end", exact, prefix, suffix,
        anchor, revision, note, rationale, "sourceId", "authorId", "createHash", "createdAt", "updatedAt")
      SELECT ${input.id}::uuid, art.id, ${input.kind}::"AnnotationKind", ${input.status}::"AnnotationStatus",
        ${input.verdict}::"Verdict", ${input.verdictById}::uuid, ${input.start}::int, ${input.end}::int,
        ${input.exact}, ${input.prefix}, ${input.suffix}, ${input.anchor}::"AnchorState", ${revision}::int,
        ${input.note}, ${input.rationale}, ${input.sourceId}::uuid, ${input.authorId}::uuid, ${input.createHash},
        ${now}::timestamp(3), ${now}::timestamp(3)
      FROM art
      ON CONFLICT (id) DO NOTHING
      RETURNING *
    )${followUps("ins", now, event(draft), input.evidence, false)}
    SELECT ${selectWithNames} FROM ins n ${joinNames}`;
  const raw = rows[0];
  return raw ? rawToAnnotationRow(raw, input.evidence) : null;
}

/** Columns a PATCH may set, with their SQL types. */
export interface AnnotationChanges {
  kind?: string;
  status?: string;
  verdict?: string | null;
  verdictById?: string | null;
  start?: number | null;
  end?: number | null;
  exact?: string;
  prefix?: string;
  suffix?: string;
  anchor?: string;
  revision?: number;
  note?: string;
  rationale?: string;
  sourceId?: string | null;
  signedOffById?: string | null;
  signedOffAt?: Date | null;
}

const COLUMN_TYPES: Record<keyof AnnotationChanges, string> = {
  kind: '"AnnotationKind"',
  status: '"AnnotationStatus"',
  verdict: '"Verdict"',
  verdictById: "uuid",
  start: "int",
  end: "int",
  exact: "text",
  prefix: "text",
  suffix: "text",
  anchor: '"AnchorState"',
  revision: "int",
  note: "text",
  rationale: "text",
  sourceId: "uuid",
  signedOffById: "uuid",
  signedOffAt: "timestamp(3)",
};

function setClause(changes: AnnotationChanges): Prisma.Sql[] {
  const sets: Prisma.Sql[] = [];
  for (const [column, value] of Object.entries(changes) as [keyof AnnotationChanges, unknown][]) {
    if (value === undefined) continue;
    const sqlValue = value instanceof Date ? utcTimestamp(value) : value;
    // Column names and types come from the fixed table above, never from input.
    sets.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${sqlValue}::${Prisma.raw(COLUMN_TYPES[column])}`);
  }
  return sets;
}

/**
 * Applies a change made on `version` of an annotation, in one statement: the article locked
 * and checked (not approved; still at `articleRevision` when the target moves), the row
 * updated only if still at that version, evidence replaced when given, one event appended.
 * Returns null, having written nothing, when any of those conditions fails.
 */
export async function updateAnnotationRow(
  client: Client,
  current: { id: string; articleId: string; version: number },
  changes: AnnotationChanges,
  options: { evidence?: EvidenceRow[]; currentEvidence: EvidenceRow[]; articleRevision?: number; event: EventInput },
): Promise<AnnotationRow | null> {
  const now = utcTimestamp(new Date());
  const sets = [...setClause(changes), Prisma.sql`version = version + 1`, Prisma.sql`"updatedAt" = ${now}::timestamp(3)`];
  const revisionCheck = options.articleRevision === undefined ? Prisma.empty : Prisma.sql`AND revision = ${options.articleRevision}::int`;
  const rows = await client.$queryRaw<RawAnnotation[]>`${PREPARED}
    WITH art AS (
      SELECT id FROM "Article" WHERE id = ${current.articleId}::uuid AND status <> 'APPROVED' ${revisionCheck}
      FOR NO KEY UPDATE
    ), upd AS (
      UPDATE "Annotation" SET ${Prisma.join(sets, ", ")}
      WHERE id = ${current.id}::uuid AND version = ${current.version}::int AND "deletedAt" IS NULL
        AND "articleId" IN (SELECT id FROM art)
      RETURNING *
    )${followUps("upd", now, options.event, options.evidence, options.evidence !== undefined)}
    SELECT ${selectWithNames} FROM upd n ${joinNames}`;
  const raw = rows[0];
  return raw ? rawToAnnotationRow(raw, options.evidence ?? options.currentEvidence) : null;
}
