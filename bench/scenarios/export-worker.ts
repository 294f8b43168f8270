/**
 * One export measurement in a process of its own, so that its peak memory (maxRSS) is its
 * own: run by ./export.ts as `node --import tsx bench/scenarios/export-worker.ts '<json>'`.
 * Prints one JSON line with the timings, the bytes produced and the peak RSS, read before
 * the JSON.stringify baseline runs (which then cannot raise it).
 */
import { performance } from "node:perf_hooks";
import type { ArticleDto, UserRef } from "../../lib/annotations/types";
import type { CurrentUser } from "../../lib/auth/current-user";
import { exportConfigFromEnv, type ExportInput } from "../../lib/export";
import { annotationRecords, commentThreads, toDtos } from "../data/annotations";
import { generateArticle } from "../data/news";
import { Random } from "../data/random";

export type ExportMode = "w3c" | "csv" | "bulk-ndjson" | "bulk-csv";

export interface WorkerArgs {
  mode: ExportMode;
  count: number;
  runs: number;
  warmup: number;
  /** Bulk modes: the search that selects the lot's articles. */
  q?: string;
  /** Single-article modes: the bench article carrying `count` annotations. */
  articleId?: string;
  /** Who exports. */
  actor: CurrentUser;
}

export interface WorkerResult {
  mode: ExportMode;
  count: number;
  samplesMs: number[];
  bytes: number;
  /** process.resourceUsage().maxRSS after the measured runs, before the baseline. */
  peakRssMiB: number;
  /** RSS at start, before any export ran. */
  startRssMiB: number;
  baselineMs: number[];
}

const mib = (bytes: number) => bytes / 1024 / 1024;
const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

const PEOPLE: UserRef[] = ["Léa Martin", "Sam Carter", "Inès Haddad", "Owen Price", "Chloé Bernard", "Ravi Patel", "Camille Rédaction"].map((name, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  name,
}));

/** One article carrying `count` annotations, built in memory like loadExportInput's result (for the baseline). */
function exportInput(count: number): ExportInput {
  const rng = Random.derive("factmark-bench-export", count);
  const article = generateArticle(rng, { language: "fr", minWords: 2_000, minSpans: count });
  const records = annotationRecords(rng, article.body, article.spans.slice(0, count), { language: "fr", people: PEOPLE.length, now: new Date(), orphaned: 0.01, drifted: 0.02 });
  const id = "0190a1b2-0000-7000-8000-000000000001";
  const dto: ArticleDto = {
    id,
    title: article.title,
    url: "https://www.example-news.test/fr/export",
    outlet: article.outlet,
    author: article.author,
    language: "fr",
    publishedAt: null,
    status: "in_review",
    revision: 1,
    text: article.body,
    content: null,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
  return {
    article: dto,
    annotations: toDtos(records, id, PEOPLE),
    comments: commentThreads(rng, records, PEOPLE, "fr"),
    options: { ...exportConfigFromEnv({ FACTMARK_APP_URL: "http://127.0.0.1:3000" }), includeNotes: false, generatedAt: new Date() },
  };
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as WorkerArgs;
  const samplesMs: number[] = [];
  let bytes = 0;
  const startRssMiB = mib(process.memoryUsage().rss);
  if (args.mode === "w3c" || args.mode === "csv") {
    // The route's own path: GET /api/v1/articles/:id/export?format=… streams what this returns.
    if (!args.articleId) throw new Error("single-article modes need articleId");
    const { exportArticle } = await import("../../lib/articles/export-article");
    for (let i = 0; i < args.warmup + args.runs; i++) {
      const start = performance.now();
      const { body } = await exportArticle(args.actor, args.articleId, args.mode, false);
      if (typeof body === "string") throw new Error(`${args.mode} export is not streamed`);
      bytes = await drain(body);
      if (i >= args.warmup) samplesMs.push(performance.now() - start);
    }
  } else {
    if (!args.q) throw new Error("bulk modes need q");
    const { exportManyStream } = await import("../../lib/articles/export-many");
    const format = args.mode === "bulk-ndjson" ? "ndjson" : "csv";
    for (let i = 0; i < args.warmup + args.runs; i++) {
      const start = performance.now();
      bytes = await drain(await exportManyStream(args.actor, format, { q: args.q }, false));
      if (i >= args.warmup) samplesMs.push(performance.now() - start);
    }
  }
  const { getDb } = await import("../../lib/db");
  await getDb().$disconnect();
  const peak = peakRssMiB();

  // Baseline: JSON.stringify of the same kind of DTO array, same count.
  const baselineInput = exportInput(args.count);
  const baselineMs: number[] = [];
  for (let i = 0; i < 1 + Math.max(args.runs, 3); i++) {
    const start = performance.now();
    JSON.stringify(baselineInput.annotations);
    if (i > 0) baselineMs.push(performance.now() - start);
  }
  const result: WorkerResult = { mode: args.mode, count: args.count, samplesMs, bytes, peakRssMiB: peak, startRssMiB, baselineMs };
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
