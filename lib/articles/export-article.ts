import { notFound } from "@/lib/api/errors";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import type { CommentDto } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
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
  type ExportOptions,
} from "@/lib/export";
import { isUuid } from "@/lib/ids";
import { ExportPeople, ExportSession, readItems, sessionStream } from "./export-stream";
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

/** Writes a chunk once this much is waiting. */
export const CHUNK_BYTES = 64 * 1024;

/** What the W3C and CSV exports read of an article, with its number of live annotations. */
export type CountedArticle = ExportArticle & { total: number };

/**
 * The article (W3C: with its text) and its live annotations counted, in the session's
 * snapshot; null if there is no such article.
 */
async function readArticle(session: ExportSession, articleId: string, w3c: boolean): Promise<CountedArticle | null> {
  const { rows } = await session.main.query<CountedArticle>(
    `SELECT x.id, x.title, x.url, x.language, ${w3c ? "x.text" : "''"} AS text,
       (SELECT count(*)::int FROM "Annotation" a WHERE a."articleId" = x.id AND a."deletedAt" IS NULL) AS total
     FROM "Article" x WHERE x.id = $1::uuid`,
    [articleId],
  );
  return rows[0] ?? null;
}

const encoder = new TextEncoder();

/**
 * The W3C collection of one article and a newline, its annotations streamed from the
 * session (see readItems). `article.total` is their number, counted in the same snapshot.
 */
async function writeW3cCollection(
  session: ExportSession,
  article: CountedArticle,
  options: ExportOptions,
  push: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const writer = new W3cJsonWriter(article, options, true);
  writer.open(article.total);
  const people = await ExportPeople.read(session);
  for await (const items of readItems(session, [article.id], { w3c: true, includeNotes: options.includeNotes }, people)) {
    for (const item of items) {
      writer.item(item);
      if (writer.out.size >= CHUNK_BYTES) await push(writer.out.take());
    }
  }
  writer.close();
  // The file ends with a newline (serializeJsonLd).
  writer.out.text("\n");
  await push(writer.out.take());
}

/** The CSV of one article (BOM, header, records), its annotations streamed from the session. */
async function writeCsv(session: ExportSession, article: CountedArticle, includeNotes: boolean, push: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const out = new Utf8Writer();
  out.bytes(encoder.encode(CSV_BOM + csvLine(csvHeader(includeNotes))));
  const people = await ExportPeople.read(session);
  for await (const items of readItems(session, [article.id], { w3c: false, includeNotes }, people)) {
    for (const item of items) {
      writeCsvRecord(out, annotationCsvRow(article, item, includeNotes));
      if (out.size >= CHUNK_BYTES) await push(out.take());
    }
  }
  await push(out.take());
}

export interface ArticleExport {
  /** The file: a string for the formats rendered in memory, a byte stream for W3C and CSV. */
  body: string | ReadableStream<Uint8Array>;
  contentType: string;
  fileName: string;
}

/**
 * One article in one format. W3C and CSV are streamed: a turn of the export pool is waited
 * for (503 when too many exports wait) and the article is read (404, file name) in the
 * export's snapshot before anything is sent; then its annotations are streamed from the
 * database as the client reads (see readItems and sessionStream), so the memory used does
 * not depend on their number; the bytes are those renderExport would give. The other
 * formats need the whole article at once and are rendered in memory.
 */
export async function exportArticle(actor: CurrentUser, articleId: string, format: ExportFormat, includeNotes: boolean): Promise<ArticleExport> {
  if (format !== "w3c" && format !== "csv") return renderExport(format, await loadExportInput(actor, articleId, includeNotes));
  authorizeExport(actor, includeNotes);
  if (!isUuid(articleId)) throw notFound("Article");
  const options = exportOptions(includeNotes);
  const session = await ExportSession.open();
  let article: CountedArticle | null;
  try {
    article = await readArticle(session, articleId, format === "w3c");
    if (!article) throw notFound("Article");
  } catch (error) {
    await session.close(true);
    throw error;
  }
  const found = article;
  const body = sessionStream(session, (s, push) => (format === "w3c" ? writeW3cCollection(s, found, options, push) : writeCsv(s, found, includeNotes, push)));
  return {
    body,
    contentType: format === "w3c" ? W3C_CONTENT_TYPE : "text/csv; charset=utf-8",
    fileName: exportFileName(found.title, `article-${found.id}`, format === "w3c" ? "annotations.jsonld" : "csv"),
  };
}
