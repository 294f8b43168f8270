import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { reserveExportSlot } from "@/lib/export-pool";
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
  type ExportOptions,
} from "@/lib/export";
import { ExportPeople, ExportSession, readItems, sessionStream } from "./export-stream";

export type BulkExportFormat = "ndjson" | "csv";

export interface BulkExportFilter {
  status?: "draft" | "in_review" | "approved";
  q?: string;
}

/** Articles per page of the matching ids (each page is one pair of COPYs, see readItems). */
const ID_PAGE = 500;
/** Writes a chunk once this much is waiting. */
const CHUNK_BYTES = 64 * 1024;
const encoder = new TextEncoder();

type MatchingArticle = ExportArticle & { total: number };

/**
 * A page of the articles matching the dashboard's filters, after `after` by id (keyset): what
 * the exports read of each (W3C: with its text) and its number of live annotations.
 */
async function matchingPage(session: ExportSession, filter: BulkExportFilter, after: string | null, w3c: boolean): Promise<MatchingArticle[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (after) conditions.push(`a.id > $${params.push(after)}::uuid`);
  if (filter.status) conditions.push(`a.status = $${params.push(filter.status.toUpperCase())}::"ArticleStatus"`);
  if (filter.q) {
    const q = `$${params.push(filter.q)}`;
    conditions.push(`a.search @@ (websearch_to_tsquery('french', ${q}) || websearch_to_tsquery('english', ${q}))`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const { rows } = await session.main.query<MatchingArticle>(
    `SELECT a.id, a.title, a.url, a.language, ${w3c ? "a.text" : "''"} AS text,
       ${w3c ? `(SELECT count(*)::int FROM "Annotation" n WHERE n."articleId" = a.id AND n."deletedAt" IS NULL)` : "0"} AS total
     FROM "Article" a ${where} ORDER BY a.id LIMIT ${ID_PAGE}`,
    params,
  );
  return rows;
}

/**
 * The export, written through `push`: the matching articles a page at a time, each page's
 * annotations streamed by readItems (article by article, by id, as the page), all in the
 * session's one snapshot.
 */
async function writeBulk(
  session: ExportSession,
  format: BulkExportFormat,
  filter: BulkExportFilter,
  options: ExportOptions,
  push: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const { includeNotes } = options;
  const w3c = format === "ndjson";
  const out = new Utf8Writer();
  if (!w3c) out.bytes(encoder.encode(CSV_BOM + csvLine(csvHeader(includeNotes))));
  const people = await ExportPeople.read(session);
  let writer: W3cJsonWriter | null = null;
  const closeCollection = () => {
    writer?.close();
    out.text("\n");
    writer = null;
  };
  let after: string | null = null;
  for (;;) {
    const articles = await matchingPage(session, filter, after, w3c);
    if (!articles.length) break;
    let next = 0;
    let current: MatchingArticle | null = null;
    // The articles up to `articleId` (null: all the rest), those without annotations included.
    const reach = (articleId: string | null) => {
      while (next < articles.length && (current === null || current.id !== articleId)) {
        if (w3c && current) closeCollection();
        current = articles[next++];
        if (w3c) {
          writer = new W3cJsonWriter(current, options, false, out);
          writer.open(current.total);
        }
      }
      if (articleId === null && w3c && current) closeCollection();
    };
    for await (const items of readItems(
      session,
      articles.map((a) => a.id),
      { w3c, includeNotes },
      people,
    )) {
      for (const item of items) {
        if (current === null || (current as MatchingArticle).id !== item.annotation.articleId) reach(item.annotation.articleId);
        if (w3c) (writer as W3cJsonWriter | null)?.item(item);
        else writeCsvRecord(out, annotationCsvRow(current as unknown as MatchingArticle, item, includeNotes));
        if (out.size >= CHUNK_BYTES) await push(out.take());
      }
    }
    reach(null);
    if (out.size >= CHUNK_BYTES) await push(out.take());
    if (articles.length < ID_PAGE) break;
    after = articles[articles.length - 1].id;
  }
  await push(out.take());
}

/**
 * Many articles as a stream: NDJSON (one W3C AnnotationCollection per article per line) or
 * one CSV with a row per annotation, articles by id. Pulled by the client: the matching
 * articles are read a page at a time and their annotations streamed from the database as
 * the client reads (see readItems), so memory stays flat whatever the number of articles
 * or annotations. The whole export is one consistent snapshot, read through the export pool
 * (lib/export-pool.ts): the stream is returned once the export has its turn and its snapshot,
 * so that a busy pool is a 503 (unavailable) before anything is sent, never a broken download.
 */
export async function exportManyStream(actor: CurrentUser, format: BulkExportFormat, filter: BulkExportFilter, includeNotes: boolean): Promise<ReadableStream<Uint8Array>> {
  authorize(actor, "article.read");
  authorize(actor, "article.export");
  if (includeNotes) authorize(actor, "article.exportNotes");
  const options: ExportOptions = { ...exportConfigFromEnv(process.env), includeNotes, generatedAt: new Date() };
  const session = await ExportSession.open(reserveExportSlot());
  return sessionStream(session, (s, push) => writeBulk(s, format, filter, options, push));
}
