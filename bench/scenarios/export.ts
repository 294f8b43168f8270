/**
 * 5. Export: W3C and CSV of one article carrying 10,000 and 100,000 annotations, streamed from
 * the bench database the way GET /api/v1/articles/:id/export serves them (exportArticle's
 * body read to the end), and the streamed bulk export (exportManyStream) of the two lots
 * holding 10,000 and 100,000 annotations. Each measurement runs in a child process of its
 * own, whose peak RSS is read at the end. Throughput = annotations ÷ median time. Baseline:
 * JSON.stringify of a DTO array of the same count, in the same process.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../scripts/lib/paths";
import { actorOf } from "../data/dataset";
import type { BenchContext } from "../lib/context";
import type { ScenarioResult } from "../lib/report";
import { summarize } from "../lib/stats";
import type { ExportMode, WorkerArgs, WorkerResult } from "./export-worker";

const WORKER = path.join(projectRoot, "bench", "scenarios", "export-worker.ts");
const GOAL_RATE = 50_000;
/** "Flat": the peak at 100k may exceed the peak at 10k by this factor at most. */
const FLAT_FACTOR = 1.25;

function runWorker(args: WorkerArgs, databaseUrl: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(args)], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, FACTMARK_APP_URL: "http://127.0.0.1:3000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0 || !last.startsWith("{")) {
        reject(new Error(`export worker ${args.mode} ${args.count} failed (exit ${code}): ${stderr.trim().split("\n").slice(-5).join(" | ")}`));
        return;
      }
      resolve(JSON.parse(last) as WorkerResult);
    });
  });
}

const LABEL: Record<ExportMode, string> = {
  w3c: "W3C collection of one article (streamed from the database)",
  csv: "CSV of one article (streamed from the database)",
  "bulk-ndjson": "streamed bulk export, NDJSON of W3C collections",
  "bulk-csv": "streamed bulk export, CSV",
};

export async function exportScenario(ctx: BenchContext, result: ScenarioResult): Promise<void> {
  const { lots, bigArticles } = ctx.manifest;
  const actor = actorOf(ctx.editor);
  const counts = [lots.small.annotations, lots.large.annotations];
  const articleWith = (count: number) => {
    const article = bigArticles?.articles.find((a) => a.annotations === count);
    if (!article) throw new Error(`the bench data has no single article with ${count} annotations`);
    return article.id;
  };
  const modes: ExportMode[] = ["w3c", "csv", "bulk-ndjson", "bulk-csv"];
  const byMode = new Map<ExportMode, WorkerResult[]>();
  for (const mode of modes) {
    for (const count of counts) {
      const large = count >= 100_000;
      const bulk = mode.startsWith("bulk");
      const args: WorkerArgs = {
        mode,
        count,
        runs: ctx.quick ? 1 : large ? 2 : 5,
        warmup: 1,
        actor,
        ...(bulk ? { q: count === lots.small.annotations ? lots.small.q : lots.large.q } : { articleId: articleWith(count) }),
      };
      ctx.log(`  ${mode} × ${count.toLocaleString("en-US")}…`);
      const worker = await runWorker(args, ctx.databaseUrl);
      byMode.set(mode, [...(byMode.get(mode) ?? []), worker]);
      result.details[`${mode}-${count}`] = worker;
    }
  }
  for (const mode of modes) {
    const [small, large] = byMode.get(mode) ?? [];
    for (const run of [small, large]) {
      const time = summarize(run.samplesMs);
      const rate = run.count / (time.median / 1000);
      const baselineRate = run.count / (summarize(run.baselineMs).median / 1000);
      result.measures.push({
        name: `${LABEL[mode]}, ${run.count.toLocaleString("en-US")} annotations: throughput`,
        unit: "ann/s",
        median: rate,
        // The slow tail of the time is the low tail of the rate.
        p95: time.n > 1 ? run.count / (time.p95 / 1000) : null,
        n: time.n,
        baseline: { name: "JSON.stringify of the DTO array", median: baselineRate },
        ratio: rate / baselineRate,
        goal: { text: `≥ ${GOAL_RATE.toLocaleString("en-US")} ann/s`, pass: rate >= GOAL_RATE },
        note: `${time.median.toFixed(0)} ms, ${(run.bytes / 1024 / 1024).toFixed(1)} MB`,
      });
    }
    result.measures.push({
      name: `${LABEL[mode]}: peak RSS at ${large.count.toLocaleString("en-US")} vs ${small.count.toLocaleString("en-US")}`,
      unit: "MiB",
      median: large.peakRssMiB,
      p95: null,
      n: 1,
      baseline: { name: `peak RSS at ${small.count.toLocaleString("en-US")}`, median: small.peakRssMiB },
      ratio: large.peakRssMiB / small.peakRssMiB,
      goal: { text: `flat (≤ ${FLAT_FACTOR}× from 10k to 100k)`, pass: large.peakRssMiB <= small.peakRssMiB * FLAT_FACTOR },
    });
  }
  result.notes.push(
    "Export: each figure comes from its own child process (peak RSS = process.resourceUsage().maxRSS, read before its JSON.stringify baseline runs); " +
      `every export reads the bench database and its bytes are read to the end. Single articles: the two generated with 10,000 and 100,000 annotations; bulk lots are selected by a title word (q=${lots.small.q} / q=${lots.large.q}); throughput p95 is the rate of the slowest 5 %.`,
  );
}
