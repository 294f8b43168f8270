import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { CSV_BOM, annotationCsvRows, csvHeader, csvLine, toW3cCollection } from "@/lib/export";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadExportInput } from "./export-article";

export type BulkExportFormat = "ndjson" | "csv";

export interface BulkExportFilter {
  status?: "draft" | "in_review" | "approved";
  q?: string;
}

const BATCH = 50;

/** Article ids matching the dashboard's filters, in pages by id (keyset), so memory stays flat. */
async function* matchingArticleIds(filter: BulkExportFilter): AsyncGenerator<string> {
  let after: string | null = null;
  for (;;) {
    const conditions: Prisma.Sql[] = [];
    if (after) conditions.push(Prisma.sql`id > ${after}::uuid`);
    if (filter.status) conditions.push(Prisma.sql`status = ${filter.status.toUpperCase()}::"ArticleStatus"`);
    if (filter.q) conditions.push(Prisma.sql`search @@ (websearch_to_tsquery('french', ${filter.q}) || websearch_to_tsquery('english', ${filter.q}))`);
    const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Article" ${where} ORDER BY id LIMIT ${BATCH}`;
    for (const row of rows) yield row.id;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * Many articles as a stream: NDJSON (one W3C AnnotationCollection per article per line) or
 * one CSV with a row per annotation. Pulled by the client, one article at a time.
 */
export function exportManyStream(actor: CurrentUser, format: BulkExportFormat, filter: BulkExportFilter, includeNotes: boolean): ReadableStream<Uint8Array> {
  authorize(actor, "article.export");
  if (includeNotes) authorize(actor, "article.exportNotes");
  const encoder = new TextEncoder();
  const ids = matchingArticleIds(filter);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === "csv") {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(csvHeader(includeNotes))));
        return;
      }
      started = true;
      const next = await ids.next();
      if (next.done) {
        controller.close();
        return;
      }
      const input = await loadExportInput(actor, next.value, includeNotes);
      const chunk =
        format === "ndjson"
          ? JSON.stringify(toW3cCollection(input)) + "\n"
          : annotationCsvRows(input).map(csvLine).join("");
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await ids.return(undefined);
    },
  });
}
