import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import {
  CSV_BOM,
  Utf8Writer,
  W3cJsonWriter,
  annotationCsvRow,
  csvHeader,
  csvLine,
  exportConfigFromEnv,
  writeCsvRecord,
  type ExportArticle,
  type ExportItem,
  type ExportOptions,
} from "@/lib/export";
import { byDocumentOrder } from "@/lib/export/document-order";
import { Prisma } from "@/lib/generated/prisma/client";
import { ExportPeople, pageItems, pageQuery, snapshotStream, startQuery, writeCsvRows, writeW3cCollection, type PageResult } from "./export-article";

export type BulkExportFormat = "ndjson" | "csv";

export interface BulkExportFilter {
  status?: "draft" | "in_review" | "approved";
  q?: string;
}

/** Articles per page of the matching ids. */
const ID_PAGE = 200;
/** A batch of articles read in one statement holds about this many annotations at most. */
const BATCH_ANNOTATIONS = 5_000;
/** An article with more annotations than this is streamed on its own, a page at a time. */
const LARGE_ARTICLE = BATCH_ANNOTATIONS;

interface MatchingArticle {
  id: string;
  /** Its live annotations, as the dashboard counters have them (only used to size batches). */
  annotations: number;
}

/** Articles matching the dashboard's filters, in pages by id (keyset), so memory stays flat. */
async function* matchingArticles(filter: BulkExportFilter): AsyncGenerator<MatchingArticle> {
  let after: string | null = null;
  for (;;) {
    const conditions: Prisma.Sql[] = [];
    if (after) conditions.push(Prisma.sql`a.id > ${after}::uuid`);
    if (filter.status) conditions.push(Prisma.sql`a.status = ${filter.status.toUpperCase()}::"ArticleStatus"`);
    if (filter.q) conditions.push(Prisma.sql`a.search @@ (websearch_to_tsquery('french', ${filter.q}) || websearch_to_tsquery('english', ${filter.q}))`);
    const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
    const rows: MatchingArticle[] = await db.$queryRaw<MatchingArticle[]>`
      SELECT a.id, coalesce(s.total, 0)::int AS annotations
      FROM "Article" a LEFT JOIN "ArticleStats" s ON s."articleId" = a.id
      ${where} ORDER BY a.id LIMIT ${ID_PAGE}`;
    yield* rows;
    if (rows.length < ID_PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** Consecutive matching articles grouped for one statement each; a large article is a batch of its own. */
async function* batches(articles: AsyncGenerator<MatchingArticle>): AsyncGenerator<{ ids: string[]; large: boolean }> {
  let ids: string[] = [];
  let annotations = 0;
  for await (const article of articles) {
    if (article.annotations > LARGE_ARTICLE) {
      if (ids.length) yield { ids, large: false };
      ids = [];
      annotations = 0;
      yield { ids: [article.id], large: true };
      continue;
    }
    if (ids.length && annotations + article.annotations > BATCH_ANNOTATIONS) {
      yield { ids, large: false };
      ids = [];
      annotations = 0;
    }
    ids.push(article.id);
    annotations += article.annotations;
  }
  if (ids.length) yield { ids, large: false };
}

interface LoadedBatch {
  articles: ExportArticle[];
  items: Map<string, ExportItem[]>;
}

/**
 * A batch of articles and all their live annotations (with evidence, comments and attributed
 * sources), in one statement: one consistent snapshot, so each article's count is its items.
 */
async function loadBatch(ids: string[], format: BulkExportFormat, includeNotes: boolean, people: ExportPeople): Promise<LoadedBatch> {
  const w3c = format === "ndjson";
  const query = pageQuery(Prisma.sql`SELECT a.* FROM "Annotation" a WHERE a."articleId" = ANY (${ids}::uuid[]) AND a."deletedAt" IS NULL`, { includeNotes, w3c }, Prisma.sql`
      , (SELECT json_agg(json_build_array(x.id, x.title, x.url, x.language, ${w3c ? Prisma.sql`x.text` : Prisma.sql`''`}) ORDER BY x.id)
          FROM "Article" x WHERE x.id = ANY (${ids}::uuid[]))::text AS articles`);
  const result = await db.$queryRaw<(PageResult[number] & { articles: string | null })[]>(query);
  const articles = (JSON.parse(result[0]?.articles ?? "[]") as [string, string, string | null, string, string][]).map(
    ([id, title, url, language, text]): ExportArticle => ({ id, title, url, language, text }),
  );
  const items = new Map<string, ExportItem[]>();
  for (const item of await pageItems(result, people)) {
    const list = items.get(item.annotation.articleId);
    if (list) list.push(item);
    else items.set(item.annotation.articleId, [item]);
  }
  for (const list of items.values()) list.sort((a, b) => byDocumentOrder(a.annotation, b.annotation));
  return { articles, items };
}

/** The chunks of a stream, as they come. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel();
  }
}

/** Writes a chunk once this much is waiting. */
const CHUNK_BYTES = 64 * 1024;
const encoder = new TextEncoder();

async function* bulkChunks(format: BulkExportFormat, filter: BulkExportFilter, options: ExportOptions): AsyncGenerator<Uint8Array> {
  const { includeNotes } = options;
  if (format === "csv") yield encoder.encode(CSV_BOM + csvLine(csvHeader(includeNotes)));
  const people = new ExportPeople((ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }));
  const load = (ids: string[]) => startQuery(loadBatch(ids, format, includeNotes, people));
  const groups = batches(matchingArticles(filter));
  let next = await groups.next();
  let pending = !next.done && !next.value.large ? load(next.value.ids) : null;
  while (!next.done) {
    const batch = next.value;
    const current = pending;
    // Ask for the following batch first: Postgres builds it while this one is written.
    next = await groups.next();
    pending = !next.done && !next.value.large ? load(next.value.ids) : null;

    if (batch.large) {
      // Too many annotations to read at once: streamed in pages, inside a snapshot of its own.
      const id = batch.ids[0];
      yield* chunksOf(
        snapshotStream(async (tx, push) => {
          const article = await tx.article.findUnique({ where: { id }, select: { id: true, title: true, url: true, language: true, text: true } });
          if (!article) return;
          if (format === "ndjson") await writeW3cCollection(tx, article, options, false, push);
          else await writeCsvRows(tx, article, includeNotes, push);
        }),
      );
      continue;
    }

    const { articles, items } = await current!;
    if (format === "ndjson") {
      for (const article of articles) {
        const list = items.get(article.id) ?? [];
        const writer = new W3cJsonWriter(article, options, false);
        writer.open(list.length);
        for (const item of list) writer.item(item);
        writer.close();
        writer.out.text("\n");
        yield writer.out.take();
      }
    } else {
      const out = new Utf8Writer();
      for (const article of articles) {
        for (const item of items.get(article.id) ?? []) {
          writeCsvRecord(out, annotationCsvRow(article, item, includeNotes));
          if (out.size >= CHUNK_BYTES) yield out.take();
        }
      }
      if (out.size) yield out.take();
    }
  }
}

/**
 * Many articles as a stream: NDJSON (one W3C AnnotationCollection per article per line) or
 * one CSV with a row per annotation, articles by id. Pulled by the client: the articles are
 * read in batches of about BATCH_ANNOTATIONS annotations (one statement each, the next one
 * asked for while the current one is written), and an article with more than that is
 * streamed a page at a time on its own, so memory stays flat whatever the number of
 * articles or annotations. Each line (each article's rows) is one consistent snapshot.
 */
export function exportManyStream(actor: CurrentUser, format: BulkExportFormat, filter: BulkExportFilter, includeNotes: boolean): ReadableStream<Uint8Array> {
  authorize(actor, "article.read");
  authorize(actor, "article.export");
  if (includeNotes) authorize(actor, "article.exportNotes");
  const options: ExportOptions = { ...exportConfigFromEnv(process.env), includeNotes, generatedAt: new Date() };
  const chunks = bulkChunks(format, filter, options);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
