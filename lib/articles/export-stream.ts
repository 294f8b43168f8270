import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { AnchorState, AnnotationDto, AnnotationKind, AnnotationStatus, CommentDto, UserRef, Verdict } from "@/lib/annotations/types";
import { EXPORT_MAX_MS, exportConnection, reserveExportSlot } from "@/lib/export-pool";
import { CopyRowReader } from "@/lib/export/copy-text";
import type { ExportItem } from "@/lib/export";
import { isUuid } from "@/lib/ids";

// ---------------------------------------------------------------------------------------
// The streamed exports (W3C and CSV of one article, and the bulk export) read the database
// through two connections of the export pool (lib/export-pool.ts) inside one read-only
// REPEATABLE READ snapshot, shared with pg_export_snapshot / SET TRANSACTION SNAPSHOT:
//
//   - `main` reads the articles, then `COPY (annotations in document order) TO STDOUT`;
//   - `side` reads `COPY (the people they name, then their evidence and comments, in the
//     same order) TO STDOUT`.
//
// Both are streamed in Postgres's text format and merged here row by row (see readItems):
// nothing is accumulated, and a slow reader pauses both COPYs (backpressure from the HTTP
// response's pull to the sockets). The text format costs Postgres a fraction of building
// JSON, and a chunk of it is decoded in one call.

/** What a streamed export reads beyond what both formats use. */
export interface ReadNeeds {
  /** W3C: the quotes' context, evidence titles and passages, comments. */
  w3c: boolean;
  /** Internal notes (only for those allowed them). */
  includeNotes: boolean;
}

/**
 * Planner settings under which the annotations of an article are read along their index by
 * (articleId, start), in order, so that a COPY streams from its first row (a bitmap scan then
 * a sort would make the reader wait for the whole sort first).
 */
const STREAMING_SCAN = "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off";
const DEFAULT_SCAN = "SET LOCAL enable_bitmapscan = on; SET LOCAL enable_seqscan = on; SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on";

/** Two connections of the export pool in one snapshot, for one export. */
export class ExportSession {
  private closed = false;

  private constructor(
    readonly main: pg.PoolClient,
    readonly side: pg.PoolClient,
    private readonly releaseSlot: () => void,
  ) {}

  /** Waits for a turn (503 when too many exports wait), then opens the snapshot on both connections. */
  static async open(slot: Promise<() => void> = reserveExportSlot()): Promise<ExportSession> {
    const release = await slot;
    const clients: pg.PoolClient[] = [];
    try {
      clients.push(await exportConnection(), await exportConnection());
      const [main, side] = clients;
      // DateStyle ISO: timestamps as "2026-11-05 04:38:47.3" (see isoFromCopy).
      const opened = (await main.query(
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL datestyle = 'ISO'; SET LOCAL jit = off; SELECT pg_export_snapshot() AS snapshot",
      )) as unknown as pg.QueryResult<{ snapshot: string }>[];
      const snapshot = opened[opened.length - 1].rows[0].snapshot;
      // `side` only reads attachments (attachmentsSql): nested loops along the annotations'
      // index, so that its rows stream from the first one instead of after a sort.
      await side.query(
        `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT ${side.escapeLiteral(snapshot)}; SET LOCAL datestyle = 'ISO'; SET LOCAL jit = off;
         ${STREAMING_SCAN}`,
      );
      return new ExportSession(main, side, release);
    } catch (error) {
      for (const client of clients) client.release(true);
      release();
      throw error;
    }
  }

  /**
   * Ends the snapshot and gives the connections (and the slot) back; `failed` closes the
   * connections instead (a COPY may be half read, a query still running).
   */
  async close(failed = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    let reusable = !failed;
    if (reusable) {
      try {
        await Promise.all([this.main.query("COMMIT"), this.side.query("COMMIT")]);
      } catch {
        reusable = false;
      }
    }
    this.main.release(!reusable);
    this.side.release(!reusable);
    this.releaseSlot();
  }

  /** Closes the connections now (the client went away, or the export took too long). */
  abort(): void {
    void this.close(true);
  }
}

/** A COPY … TO STDOUT on `client`, read row by row. */
function copyRows(client: pg.PoolClient, sql: string): CopyRowReader {
  const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT`));
  return new CopyRowReader(stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>);
}

/** Article ids written into a COPY statement (which takes no parameters): checked to be UUIDs. */
function idList(ids: readonly string[]): string {
  for (const id of ids) if (!isUuid(id)) throw new Error(`not a UUID: ${id}`);
  return ids.map((id) => `'${id}'::uuid`).join(", ");
}

/** The columns of an annotation row (A), by index. */
const A = {
  articleId: 0,
  id: 1,
  kind: 2,
  status: 3,
  verdict: 4,
  start: 5,
  end: 6,
  anchor: 7,
  sourceId: 8,
  revision: 9,
  version: 10,
  createdAt: 11,
  updatedAt: 12,
  signedOffAt: 13,
  authorId: 14,
  verdictById: 15,
  signedOffById: 16,
  exact: 17,
  rationale: 18,
  attributedId: 19,
  attributedExact: 20,
  prefix: 21,
  suffix: 22,
  note: 23,
} as const;

/** Document order, as byDocumentOrder: by start (orphans last), the longer first, then oldest, then id. */
const DOCUMENT_ORDER = (a: string) => `${a}."articleId", ${a}.start, coalesce(${a}."end", 0) DESC, ${a}."createdAt", ${a}.id`;

/**
 * The attributed source counts when it is a live source of the same article. Tested in the
 * select list, not in the join: with `s."articleId" = a."articleId"` in the join, Postgres 15
 * looked the source up through the (articleId, …) index, reading every annotation of the
 * article for each one (an article of 66,000 annotations took minutes); the join by id alone
 * can only use the primary key.
 */
const LIVE_SOURCE = `s."articleId" = a."articleId" AND s."deletedAt" IS NULL AND s.kind = 'SOURCE'`;

/**
 * The annotations of the articles, in document order, article by article (by id): the
 * columns of A, with the attributed source when it is a live source of the same article.
 */
export function annotationsSql(articleIds: readonly string[], { w3c, includeNotes }: ReadNeeds): string {
  const { from, where } = liveAnnotations(articleIds);
  return `SELECT a."articleId", a.id, a.kind, a.status, a.verdict, a.start, a."end", a.anchor, a."sourceId", a.revision, a.version,
      a."createdAt", a."updatedAt", a."signedOffAt", a."authorId", a."verdictById", a."signedOffById", a.exact, a.rationale,
      CASE WHEN ${LIVE_SOURCE} THEN s.id END, CASE WHEN ${LIVE_SOURCE} THEN s.exact END,
      ${w3c ? `a.prefix, a.suffix` : `NULL, NULL`}, ${includeNotes ? `a.note` : `NULL`}
    FROM ${from}
    LEFT JOIN "Annotation" s ON s.id = a."sourceId"
    WHERE ${where}
    ORDER BY ${DOCUMENT_ORDER("a")}`;
}

/**
 * The live annotations (`a`) of the articles, as a FROM item and its condition. One article:
 * straight from the index by (articleId, start), which gives the document order but for
 * ties. Several: article by article (a nested loop from the articles' primary key), so that
 * the sort by document order is one small sort per article, streamed, not one of the batch.
 */
function liveAnnotations(articleIds: readonly string[]): { from: string; where: string } {
  if (articleIds.length === 1) return { from: `"Annotation" a`, where: `a."articleId" = ${idList(articleIds)} AND a."deletedAt" IS NULL` };
  return { from: `"Article" x JOIN "Annotation" a ON a."articleId" = x.id`, where: `x.id IN (${idList(articleIds)}) AND a."deletedAt" IS NULL` };
}

/**
 * The evidence and (W3C) comments of those annotations, in the annotations' own order: one
 * row per (annotation, piece of evidence, comment) of those that have either, as columns
 * (annotation id, evidence id, url, title, quote, comment id, author id, body, created):
 * a piece of evidence with c comments comes c times in a row, and the comments again for
 * each piece of evidence, in order (by position; oldest first); readItems keeps each once.
 * Read by nested loops along the annotations' index, it streams from its first row.
 * Evidence notes never (neither format carries them).
 */
export function attachmentsSql(articleIds: readonly string[], { w3c }: ReadNeeds): string {
  const { from, where } = liveAnnotations(articleIds);
  return `SELECT a.id, e.id, e.url, ${w3c ? `e.title, e.quote, c.id, c."authorId", c.body, c."createdAt"` : `NULL, NULL, NULL, NULL, NULL, NULL`}
    FROM (SELECT a.id, a."articleId", a.start, a."end", a."createdAt" FROM ${from} WHERE ${where}) a
    LEFT JOIN "Evidence" e ON e."annotationId" = a.id
    ${w3c ? `LEFT JOIN "Comment" c ON c."annotationId" = a.id` : ""}
    WHERE e.id IS NOT NULL ${w3c ? "OR c.id IS NOT NULL" : ""}
    ORDER BY ${DOCUMENT_ORDER("a")}, e.position, e.id${w3c ? `, c."createdAt", c.id` : ""}`;
}

/**
 * A timestamp(3) in the text format with DateStyle ISO ("2026-11-05 04:38:47.3", UTC, no
 * zone, the fraction without trailing zeros) in toISOString's form, as the DTOs have it.
 */
export function isoFromCopy(value: string): string {
  const iso = `${value.slice(0, 10)}T${value.slice(11)}`;
  if (iso.length === 23) return `${iso}Z`;
  if (iso.length === 19) return `${iso}.000Z`;
  return `${`${iso}00`.slice(0, 23)}Z`;
}

const LOWER = new Map<string, string>();
/** Enum labels as the DTOs spell them (CLAIM → claim), looked up rather than recomputed. */
function lower<T extends string>(value: string): T {
  let out = LOWER.get(value);
  if (out === undefined) {
    out = value.toLowerCase();
    LOWER.set(value, out);
  }
  return out as T;
}

const NO_COMMENTS: readonly CommentDto[] = [];

/**
 * The people of an export by id, one object each, read once in the export's snapshot: the
 * team's accounts (a newsroom's tens or hundreds), not one lookup per annotation.
 */
export class ExportPeople {
  private readonly known = new Map<string, UserRef>();

  /** Reads the people through the session's main connection (in its snapshot). */
  static async read(session: ExportSession): Promise<ExportPeople> {
    const people = new ExportPeople();
    const { rows } = await session.main.query<{ id: string; name: string }>(`SELECT id, name FROM "User"`);
    for (const { id, name } of rows) people.known.set(id, { id, name });
    return people;
  }

  get(id: string): UserRef {
    let person = this.known.get(id);
    if (!person) {
      person = { id, name: "" };
      this.known.set(id, person);
    }
    return person;
  }
}

/** One annotation row (A) as an export item, without its evidence and comments yet. */
function itemOf(r: (string | null)[], people: ExportPeople): ExportItem {
  const verdict = r[A.verdict];
  const start = r[A.start];
  const end = r[A.end];
  const verdictBy = r[A.verdictById];
  const signedOffBy = r[A.signedOffById];
  const signedOffAt = r[A.signedOffAt];
  const attributedId = r[A.attributedId];
  const annotation: AnnotationDto = {
    id: r[A.id] as string,
    articleId: r[A.articleId] as string,
    kind: lower<AnnotationKind>(r[A.kind] as string),
    status: lower<AnnotationStatus>(r[A.status] as string),
    verdict: verdict === null ? null : lower<Verdict>(verdict),
    target: {
      start: start === null ? null : Number(start),
      end: end === null ? null : Number(end),
      exact: r[A.exact] as string,
      prefix: r[A.prefix] ?? "",
      suffix: r[A.suffix] ?? "",
    },
    anchor: lower<AnchorState>(r[A.anchor] as string),
    note: r[A.note] ?? "",
    rationale: r[A.rationale] as string,
    sourceId: r[A.sourceId],
    evidence: [],
    author: people.get(r[A.authorId] as string),
    verdictBy: verdictBy === null ? null : people.get(verdictBy),
    signedOffBy: signedOffBy === null ? null : people.get(signedOffBy),
    signedOffAt: signedOffAt === null ? null : isoFromCopy(signedOffAt),
    revision: Number(r[A.revision]),
    version: Number(r[A.version]),
    createdAt: isoFromCopy(r[A.createdAt] as string),
    updatedAt: isoFromCopy(r[A.updatedAt] as string),
  };
  return { annotation, comments: NO_COMMENTS, source: attributedId === null ? null : { id: attributedId, exact: r[A.attributedExact] ?? "" } };
}

/**
 * The live annotations of the articles as export items, in document order, article after
 * article (by id), with their evidence, comments, attributed source and people: a batch at
 * a time (the rows of one chunk of the annotations' COPY), merged with the attachments'
 * COPY as both stream. Both run on `session`'s connections, which must be free; they are
 * free again when the generator ends.
 */
export async function* readItems(session: ExportSession, articleIds: readonly string[], needs: ReadNeeds, people: ExportPeople): AsyncGenerator<ExportItem[]> {
  if (!articleIds.length) return;
  const attachments = copyRows(session.side, attachmentsSql(articleIds, needs));
  await session.main.query(STREAMING_SCAN);
  const annotations = copyRows(session.main, annotationsSql(articleIds, needs));

  while (await annotations.fill()) {
    const rows = annotations.rows;
    const items: ExportItem[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const item = itemOf(rows[i], people);
      items[i] = item;
      const { id, evidence } = item.annotation;
      let lastEvidence: string | null = null;
      for (;;) {
        let row = attachments.peek();
        if (row === undefined) {
          if (!(await attachments.fill())) break;
          row = attachments.peek() as (string | null)[];
        }
        if (row[0] !== id) break;
        attachments.at++;
        const evidenceId = row[1];
        if (evidenceId !== null && evidenceId !== lastEvidence) {
          lastEvidence = evidenceId;
          evidence.push({ url: row[2] as string, title: row[3] ?? "", quote: row[4] ?? "", note: "" });
        }
        const commentId = row[5];
        if (commentId !== null && !item.comments.some((c) => c.id === commentId)) {
          if (item.comments === NO_COMMENTS) item.comments = [];
          (item.comments as CommentDto[]).push({
            id: commentId,
            annotationId: id,
            author: people.get(row[6] as string),
            body: row[7] as string,
            createdAt: isoFromCopy(row[8] as string),
          });
        }
      }
    }
    yield items;
  }
  await session.main.query(DEFAULT_SCAN);
  // Same snapshot, same order: every attachment has found its annotation.
  if (attachments.peek() !== undefined || (await attachments.fill())) throw new Error("export: evidence or comments out of the annotations' order");
}

/**
 * A byte stream whose chunks `produce` pushes, reading through `session` (opened already,
 * or being opened): `push` resolves when the reader wants more, which keeps at most one
 * chunk waiting, so memory does not depend on the size of the export. The session is closed
 * at the end; when the client goes away (cancel) or after EXPORT_MAX_MS its connections are
 * closed at once, which also stops a COPY waiting on a slow reader.
 */
export function sessionStream(
  session: ExportSession | Promise<ExportSession>,
  produce: (session: ExportSession, push: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
): ReadableStream<Uint8Array> {
  let wanted: (() => void) | null = null;
  let cancelled = false;
  let opened: ExportSession | null = null;
  const CANCELLED = new Error("export cancelled");
  const wake = () => {
    const resolve = wanted;
    wanted = null;
    resolve?.();
  };
  const stop = () => {
    cancelled = true;
    wake();
    opened?.abort();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const push = async (chunk: Uint8Array) => {
          if (cancelled) throw CANCELLED;
          if (chunk.byteLength) controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) await new Promise<void>((resolve) => (wanted = resolve));
          if (cancelled) throw CANCELLED;
        };
        const timer = setTimeout(() => {
          if (!cancelled) controller.error(new Error("export took too long"));
          stop();
        }, EXPORT_MAX_MS);
        timer.unref?.();
        Promise.resolve(session)
          .then(async (s) => {
            opened = s;
            if (cancelled) throw CANCELLED;
            await produce(s, push);
            await s.close();
          })
          .then(
            () => {
              clearTimeout(timer);
              if (!cancelled) controller.close();
            },
            (error: unknown) => {
              clearTimeout(timer);
              opened?.abort();
              if (!cancelled) controller.error(error);
            },
          );
      },
      pull: wake,
      cancel: stop,
    },
    { highWaterMark: 1 },
  );
}
