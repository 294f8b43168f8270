import { notFound } from "@/lib/api/errors";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import type { AnchorState, AnnotationDto, AnnotationKind, AnnotationStatus, CommentDto, UserRef, Verdict } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import {
  CSV_BOM,
  W3C_CONTENT_TYPE,
  W3cJsonWriter,
  annotationCsvRow,
  csvHeader,
  csvLine,
  exportConfigFromEnv,
  exportFileName,
  renderExport,
  Utf8Writer,
  writeCsvRecord,
  type ExportArticle,
  type ExportFormat,
  type ExportInput,
  type ExportItem,
  type ExportOptions,
} from "@/lib/export";
import { byDocumentOrder } from "@/lib/export/document-order";
import { Prisma } from "@/lib/generated/prisma/client";
import { getArticle } from "./get-article";

/**
 * Comments on the live annotations of an article, grouped by annotation, oldest first: one
 * query by article (a list of ids would run into the limit of bound parameters on an
 * article with tens of thousands of annotations).
 */
async function commentsByAnnotation(articleId: string): Promise<Record<string, CommentDto[]>> {
  const rows = await db.comment.findMany({
    where: { annotation: { articleId, deletedAt: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { id: true, name: true } } },
  });
  const out: Record<string, CommentDto[]> = {};
  for (const c of rows) {
    (out[c.annotationId] ??= []).push({ id: c.id, annotationId: c.annotationId, author: c.author, body: c.body, createdAt: c.createdAt.toISOString() });
  }
  return out;
}

function authorizeExport(actor: CurrentUser, includeNotes: boolean): void {
  authorize(actor, "article.read");
  authorize(actor, "article.export");
  if (includeNotes) authorize(actor, "article.exportNotes");
}

function exportOptions(includeNotes: boolean): ExportOptions {
  return { ...exportConfigFromEnv(process.env), includeNotes, generatedAt: new Date() };
}

/** Everything an exporter needs for one article, in memory; internal notes only for those allowed them. */
export async function loadExportInput(actor: CurrentUser, articleId: string, includeNotes: boolean): Promise<ExportInput> {
  authorizeExport(actor, includeNotes);
  const [article, annotations] = await Promise.all([getArticle(actor, articleId), listAnnotations(actor, articleId)]);
  return {
    article,
    annotations,
    comments: await commentsByAnnotation(articleId),
    options: exportOptions(includeNotes),
  };
}

// ---------------------------------------------------------------------------------------
// Reading annotations a page at a time, for the streamed exports (W3C and CSV of one
// article, and the bulk export). Each page is one statement whose result is one row of a few
// texts (the annotations with their attributed source, their evidence, their comments; see
// pageQuery): Postgres builds them while this process writes the previous page, and parsing
// a few texts per page costs far less than decoding thousands of rows column by column.

/** Annotations per page of a streamed export. */
export const EXPORT_PAGE_SIZE = 2_000;

/**
 * The fixed-format columns of an annotation, as one line of a page's `annotations` text:
 * ids, enum labels, integers and timestamps (as JSON strings), none of which can hold the
 * separator or a line break; an empty field is a null.
 */
const FIELDS = ["id", "articleId", "kind", "status", "verdict", "start", "end", "anchor", "sourceId", "revision", "version", "createdAt", "updatedAt", "signedOffAt", "authorId", "verdictById", "signedOffById", "attributedId"] as const;
const F = Object.fromEntries(FIELDS.map((name, i) => [name, i])) as Record<(typeof FIELDS)[number], number>;
/** The free-text columns, as arrays in the page's `texts` JSON, in the rows' order. */
type Texts = [exact: string[], prefix: string[], suffix: string[], note: string[], rationale: string[], attributedExact: (string | null)[]];
type EvidenceRow = [annotationId: string, url: string, title: string, quote: string];
type CommentRow = [id: string, annotationId: string, authorId: string, body: string, createdAt: string];

/** A timestamp field of FIELDS (a JSON string, quotes included) in toISOString's form. */
function isoFromField(value: string): string {
  return isoTimestamp(value.slice(1, -1));
}

/**
 * A timestamp(3) as JSON gives it ("2026-11-05T04:38:47.3", UTC, no zone, the fraction
 * without trailing zeros) in toISOString's form, which the in-memory DTOs use.
 */
function isoTimestamp(value: string): string {
  if (value.length === 23) return `${value}Z`;
  if (value.length === 19) return `${value}.000Z`;
  return `${`${value}00`.slice(0, 23)}Z`;
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

/**
 * What a streamed export reads of each annotation beyond what both formats use: the W3C
 * export also needs the quotes' context, the evidence titles and passages, and the
 * comments; the CSV does not, and Postgres is spared building them.
 */
export interface PageNeeds {
  includeNotes: boolean;
  w3c: boolean;
}

/**
 * The SELECT of one page: `page` is a query of "Annotation" rows (aliased `a`); the result
 * is one row (plus whatever `more` selects): `annotations`, a line of FIELDS per annotation
 * then one line of JSON with their texts (Texts), and `evidence` and `comments` as JSON.
 * That costs Postgres less than a JSON value per column (json_build_array looks up the type
 * of every value of every row). People travel as ids (see ExportPeople); internal notes
 * only when asked for; evidence notes never (neither W3C nor CSV carries them).
 */
export function pageQuery(page: Prisma.Sql, { includeNotes, w3c }: PageNeeds, more: Prisma.Sql = Prisma.empty): Prisma.Sql {
  // A timestamp as JSON writes it ("2026-11-05T04:38:47.3", quotes included, whatever the
  // session's DateStyle): far cheaper for Postgres than to_char, and for us than a Date.
  const timestamp = (column: Prisma.Sql) => Prisma.sql`to_json(${column})`;
  const comments = w3c
    ? Prisma.sql`(SELECT json_agg(json_build_array(c.id, c."annotationId", c."authorId", c.body, c."createdAt") ORDER BY c."createdAt", c.id)
        FROM "Comment" c WHERE c."annotationId" = ANY (ARRAY(SELECT id FROM page)))::text`
    : Prisma.sql`NULL::text`;
  return Prisma.sql`
    WITH page AS MATERIALIZED (${page})
    SELECT
      (SELECT string_agg(concat(p.id, '|', p."articleId", '|', p.kind, '|', p.status, '|', p.verdict, '|', p.start, '|', p."end", '|', p.anchor, '|',
            p."sourceId", '|', p.revision, '|', p.version, '|', ${timestamp(Prisma.sql`p."createdAt"`)}, '|', ${timestamp(Prisma.sql`p."updatedAt"`)}, '|',
            ${timestamp(Prisma.sql`p."signedOffAt"`)}, '|', p."authorId", '|', p."verdictById", '|', p."signedOffById", '|', s.id), E'\n')
          || E'\n' || json_build_array(array_agg(p.exact), ${w3c ? Prisma.sql`array_agg(p.prefix), array_agg(p.suffix)` : Prisma.sql`'[]'::json, '[]'::json`},
            ${includeNotes ? Prisma.sql`array_agg(p.note)` : Prisma.sql`'[]'::json`}, array_agg(p.rationale), array_agg(s.exact))::text
        FROM page p
        LEFT JOIN "Annotation" s ON s.id = p."sourceId" AND s."articleId" = p."articleId" AND s."deletedAt" IS NULL AND s.kind = 'SOURCE'
      ) AS annotations,
      (SELECT json_agg(json_build_array(e."annotationId", e.url, ${w3c ? Prisma.sql`e.title, e.quote` : Prisma.sql`'', ''`}) ORDER BY e."annotationId", e.position, e.id)
        FROM "Evidence" e WHERE e."annotationId" = ANY (ARRAY(SELECT id FROM page))
      )::text AS evidence,
      ${comments} AS comments
      ${more}`;
}

export type PageResult = { annotations: string | null; evidence: string | null; comments: string | null }[];

/**
 * The people of an export, by id, one object each: the page queries send ids, and the few
 * people behind thousands of annotations are read once (the writers cache their names).
 */
export class ExportPeople {
  private readonly known = new Map<string, UserRef>();

  /** `read` reads people by id (in a transaction or not). */
  constructor(private readonly read: (ids: string[]) => Promise<UserRef[]>) {}

  get(id: string): UserRef {
    return this.known.get(id) ?? { id, name: "" };
  }

  /** Reads the people among `ids` not read yet. */
  async load(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.known.has(id));
    if (!missing.length) return;
    for (const row of await this.read(missing)) this.known.set(row.id, row);
  }
}

/** Items of a page result, unsorted. */
export async function pageItems(result: PageResult, people: ExportPeople): Promise<ExportItem[]> {
  const { annotations, evidence, comments } = result[0] ?? { annotations: null, evidence: null, comments: null };
  if (!annotations) return [];
  // `annotations` is the rows' fields, a line each, then the JSON of their texts on the last line.
  const split = annotations.lastIndexOf("\n");
  const lines = annotations.slice(0, split).split("\n");
  const [exact, prefix, suffix, note, rationale, attributedExact] = JSON.parse(annotations.slice(split + 1)) as Texts;
  const rows = lines.map((line) => line.split("|"));
  const commentRows = JSON.parse(comments ?? "[]") as CommentRow[];
  const ids: string[] = [];
  for (const r of rows) {
    ids.push(r[F.authorId]);
    if (r[F.verdictById]) ids.push(r[F.verdictById]);
    if (r[F.signedOffById]) ids.push(r[F.signedOffById]);
  }
  for (const c of commentRows) ids.push(c[2]);
  await people.load(ids);

  const items: ExportItem[] = [];
  const byId = new Map<string, ExportItem>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const annotation: AnnotationDto = {
      id: r[F.id],
      articleId: r[F.articleId],
      kind: lower<AnnotationKind>(r[F.kind]),
      status: lower<AnnotationStatus>(r[F.status]),
      verdict: r[F.verdict] ? lower<Verdict>(r[F.verdict]) : null,
      target: {
        start: r[F.start] ? Number(r[F.start]) : null,
        end: r[F.end] ? Number(r[F.end]) : null,
        exact: exact[i],
        prefix: prefix[i] ?? "",
        suffix: suffix[i] ?? "",
      },
      anchor: lower<AnchorState>(r[F.anchor]),
      note: note[i] ?? "",
      rationale: rationale[i],
      sourceId: r[F.sourceId] || null,
      evidence: [],
      author: people.get(r[F.authorId]),
      verdictBy: r[F.verdictById] ? people.get(r[F.verdictById]) : null,
      signedOffBy: r[F.signedOffById] ? people.get(r[F.signedOffById]) : null,
      signedOffAt: r[F.signedOffAt] ? isoFromField(r[F.signedOffAt]) : null,
      revision: Number(r[F.revision]),
      version: Number(r[F.version]),
      createdAt: isoFromField(r[F.createdAt]),
      updatedAt: isoFromField(r[F.updatedAt]),
    };
    const item: ExportItem = { annotation, comments: [], source: r[F.attributedId] ? { id: r[F.attributedId], exact: attributedExact[i] ?? "" } : null };
    items.push(item);
    byId.set(annotation.id, item);
  }
  for (const [annotationId, url, title, quote] of JSON.parse(evidence ?? "[]") as EvidenceRow[]) {
    byId.get(annotationId)?.annotation.evidence.push({ url, title, quote, note: "" });
  }
  for (const [id, annotationId, authorId, body, createdAt] of commentRows) {
    const item = byId.get(annotationId);
    if (item) (item.comments as CommentDto[]).push({ id, annotationId, author: people.get(authorId), body, createdAt: isoTimestamp(createdAt) });
  }
  return items;
}

const byItemDocumentOrder = (a: ExportItem, b: ExportItem) => byDocumentOrder(a.annotation, b.annotation);

/** Starts a Prisma query now (they are lazy), so that Postgres works on it while we write. */
export function startQuery<T>(query: PromiseLike<T>): Promise<T> {
  const started = new Promise<T>((resolve, reject) => query.then(resolve, reject));
  // Awaited later, or dropped if the export is cancelled meanwhile.
  started.catch(() => undefined);
  return started;
}

/** The people of an export read through `client` (the database, or a transaction). */
export function exportPeople(client: Pick<Tx, "user">): ExportPeople {
  return new ExportPeople((ids) => client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }));
}

/**
 * The live annotations of one article as export items, in document order (orphans last),
 * a page of about EXPORT_PAGE_SIZE at a time: keyset pages on the article's index by start
 * (a page ends before its last start value, so that annotations starting together are never
 * split), then the annotations without a position by (end desc, created, id). Each page is
 * sorted with the in-memory exports' comparator, so the order is theirs exactly. The next
 * page is asked for before the current one is handed over.
 */
export async function* articleItemPages(tx: Tx, articleId: string, needs: PageNeeds, people = exportPeople(tx)): AsyncGenerator<ExportItem[]> {
  const live = Prisma.sql`a."articleId" = ${articleId}::uuid AND a."deletedAt" IS NULL`;
  const positioned = (from: number | null) => {
    const bound = from === null ? Prisma.sql`a.start IS NOT NULL` : Prisma.sql`a.start >= ${from}::int`;
    const page = Prisma.sql`SELECT a.* FROM "Annotation" a WHERE ${live} AND ${bound} ORDER BY a.start LIMIT ${EXPORT_PAGE_SIZE}`;
    return startQuery(tx.$queryRaw<PageResult>(pageQuery(page, needs)));
  };
  let pending = positioned(null);
  for (;;) {
    const items = await pageItems(await pending, people);
    if (items.length < EXPORT_PAGE_SIZE) {
      yield items.sort(byItemDocumentOrder);
      break;
    }
    let last = Number.MIN_SAFE_INTEGER;
    for (const item of items) last = Math.max(last, item.annotation.target.start ?? last);
    const complete = items.filter((item) => (item.annotation.target.start ?? last) < last);
    if (complete.length === 0) {
      // More than a page start at the same place: that group whole, then what follows it.
      const group = pageQuery(Prisma.sql`SELECT a.* FROM "Annotation" a WHERE ${live} AND a.start = ${last}::int`, needs);
      const whole = await pageItems(await tx.$queryRaw<PageResult>(group), people);
      pending = positioned(last + 1);
      yield whole.sort(byItemDocumentOrder);
      continue;
    }
    pending = positioned(last);
    yield complete.sort(byItemDocumentOrder);
  }

  // No position (orphans): by (end desc, created, id) like byDocumentOrder, keyset on the three.
  let after: { end: number; createdAt: string; id: string } | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after
      ? Prisma.sql`AND (coalesce(a."end", 0) < ${after.end}::int OR (coalesce(a."end", 0) = ${after.end}::int AND (a."createdAt", a.id) > (${after.createdAt}::timestamp, ${after.id}::uuid)))`
      : Prisma.empty;
    const page = pageQuery(
      Prisma.sql`SELECT a.* FROM "Annotation" a WHERE ${live} AND a.start IS NULL ${keyset}
        ORDER BY coalesce(a."end", 0) DESC, a."createdAt", a.id LIMIT ${EXPORT_PAGE_SIZE}`,
      needs,
    );
    const items = (await pageItems(await tx.$queryRaw<PageResult>(page), people)).sort(byItemDocumentOrder);
    if (items.length) yield items;
    if (items.length < EXPORT_PAGE_SIZE) return;
    const { annotation } = items[items.length - 1];
    after = { end: annotation.target.end ?? 0, createdAt: annotation.createdAt, id: annotation.id };
  }
}

/** How long a streamed export may hold its snapshot (a slow client reading a huge file). */
const SNAPSHOT_TIMEOUT_MS = 15 * 60_000;

/**
 * A byte stream whose chunks `produce` pushes from inside one REPEATABLE READ transaction,
 * so that everything it reads (the count written first, then every page) is one snapshot
 * of the database. `push` resolves when the reader wants more, which keeps at most one
 * chunk waiting: memory does not depend on the size of the export. Cancelling the stream
 * (the client went away) ends the transaction at the next push.
 */
export function snapshotStream(produce: (tx: Tx, push: (chunk: Uint8Array) => Promise<void>) => Promise<void>): ReadableStream<Uint8Array> {
  let wanted: (() => void) | null = null;
  let cancelled = false;
  const CANCELLED = new Error("export cancelled");
  const wake = () => {
    const resolve = wanted;
    wanted = null;
    resolve?.();
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
        db.$transaction((tx) => produce(tx, push), { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: SNAPSHOT_TIMEOUT_MS }).then(
          () => controller.close(),
          (error: unknown) => {
            if (!cancelled) controller.error(error);
          },
        );
      },
      pull: wake,
      cancel() {
        cancelled = true;
        wake();
      },
    },
    { highWaterMark: 1 },
  );
}

/** What the W3C and CSV exports read of the article, or null if there is no such article. */
async function exportArticleRow(tx: Tx, articleId: string): Promise<ExportArticle | null> {
  return tx.article.findUnique({ where: { id: articleId }, select: { id: true, title: true, url: true, language: true, text: true } });
}

/** Writes a chunk once this much is waiting (and at the end of each page). */
const CHUNK_BYTES = 64 * 1024;

/** The W3C collection of one article and a newline, its annotations read page by page (see articleItemPages). */
export async function writeW3cCollection(
  tx: Tx,
  article: ExportArticle,
  options: ExportOptions,
  pretty: boolean,
  push: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const [{ total }] = await tx.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "Annotation" WHERE "articleId" = ${article.id}::uuid AND "deletedAt" IS NULL`;
  const writer = new W3cJsonWriter(article, options, pretty);
  writer.open(total);
  for await (const page of articleItemPages(tx, article.id, { includeNotes: options.includeNotes, w3c: true })) {
    for (const item of page) {
      writer.item(item);
      if (writer.out.size >= CHUNK_BYTES) await push(writer.out.take());
    }
  }
  writer.close();
  // The file ends with a newline (serializeJsonLd), and so does each NDJSON line.
  writer.out.text("\n");
  await push(writer.out.take());
}

const encoder = new TextEncoder();

/** The CSV records of one article (no BOM, no header), page by page. */
export async function writeCsvRows(tx: Tx, article: ExportArticle, includeNotes: boolean, push: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const out = new Utf8Writer();
  for await (const page of articleItemPages(tx, article.id, { includeNotes, w3c: false })) {
    for (const item of page) {
      writeCsvRecord(out, annotationCsvRow(article, item, includeNotes));
      if (out.size >= CHUNK_BYTES) await push(out.take());
    }
  }
  if (out.size) await push(out.take());
}

export interface ArticleExport {
  /** The file: a string for the formats rendered in memory, a byte stream for W3C and CSV. */
  body: string | ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
}

/**
 * One article in one format. W3C and CSV are streamed: the article is looked up (404, file
 * name) before anything is sent, then its annotations are read a page at a time inside one
 * snapshot and written as they come, so that the memory used does not grow with their
 * number; the bytes are those renderExport would give. The other formats need the whole
 * article at once and are rendered in memory.
 */
export async function exportArticle(actor: CurrentUser, articleId: string, format: ExportFormat, includeNotes: boolean): Promise<ArticleExport> {
  if (format !== "w3c" && format !== "csv") return renderExport(format, await loadExportInput(actor, articleId, includeNotes));
  authorizeExport(actor, includeNotes);
  const found = await db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true } });
  if (!found) throw notFound("Article");
  const options = exportOptions(includeNotes);
  const body = snapshotStream(async (tx, push) => {
    const article = await exportArticleRow(tx, articleId);
    if (!article) throw notFound("Article");
    if (format === "w3c") {
      await writeW3cCollection(tx, article, options, true, push);
    } else {
      await push(encoder.encode(CSV_BOM + csvLine(csvHeader(includeNotes))));
      await writeCsvRows(tx, article, includeNotes, push);
    }
  });
  return {
    body,
    contentType: format === "w3c" ? W3C_CONTENT_TYPE : "text/csv; charset=utf-8",
    fileName: exportFileName(found.title, `article-${found.id}`, format === "w3c" ? "annotations.jsonld" : "csv"),
  };
}
