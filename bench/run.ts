// npm run bench — the performance suite (never part of `npm test`). See bench/README.md.
//
//   npm run bench                 everything; prints the table, writes bench/results/latest.json
//                                 and bench/results/<date>.json, updates bench/README.md
//   npm run bench -- --only=2,3   some scenarios (README is then left alone)
//   npm run bench -- --quick      fewer repetitions, to try the suite (figures not to be quoted)
//   npm run bench -- --rebuild    rebuild the app even if the sources did not change
//   npm run bench -- --reuse-build  use the last build even if the sources changed since
//
// The data set lives in an embedded PostgreSQL under .data-bench/ and is generated on the
// first run (several minutes); later runs reuse it while its data version matches.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../scripts/lib/paths";
import { exitOnSignals, onShutdown, shutdown } from "../scripts/lib/shutdown";
import { ensureDataset, type BenchManifest } from "./data/dataset";
import { buildApp, startApp } from "./lib/app-server";
import { startBenchDb, withPg } from "./lib/bench-db";
import { runScenario, type BenchContext, type Scenario } from "./lib/context";
import { describeMachine } from "./lib/machine";
import { disconnectCapture, installQueryCapture } from "./lib/query-capture";
import { renderMachine, renderNotes, renderTable, updateReadme, writeResults, type RunReport, type ScenarioResult } from "./lib/report";
import { dashboardScenario } from "./scenarios/dashboard";
import { editorScenario } from "./scenarios/editor";
import { exportScenario } from "./scenarios/export";
import { measureIdleMemory, memoryScenario } from "./scenarios/memory";
import { reanchorScenario } from "./scenarios/reanchor";
import { savingScenario } from "./scenarios/saving";

const argv = process.argv.slice(2);
const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",").map((s) => s.trim());
const quick = argv.includes("--quick");
const rebuild = argv.includes("--rebuild");
const reuseBuild = argv.includes("--reuse-build");
const wanted = (id: string) => !only || only.includes(id);
const log = (line: string) => console.log(line);

const RESULTS_DIR = path.join(projectRoot, "bench", "results");
const README = path.join(projectRoot, "bench", "README.md");

/**
 * A new API token per bench person, older bench tokens revoked. Written as the app's
 * createApiToken writes them (lib/auth/api-tokens.ts: "fm_" + 32 random bytes, stored as the
 * SHA-256 hex of the secret): that module pulls in next-auth's options, which do not load
 * outside Next's bundler.
 */
async function freshTokens(databaseUrl: string, manifest: BenchManifest): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  await withPg(databaseUrl, async (client) => {
    const ids = manifest.people.map((p) => p.id);
    await client.query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE "userId" = ANY($1::uuid[]) AND "revokedAt" IS NULL`, [ids]);
    for (const person of manifest.people) {
      const secret = `fm_${randomBytes(32).toString("base64url")}`;
      await client.query(`INSERT INTO "ApiToken" (id, "userId", name, prefix, "tokenHash") VALUES ($1, $2, $3, $4, $5)`, [
        randomUUID(),
        person.id,
        `bench ${new Date().toISOString()}`,
        secret.slice(0, 9),
        createHash("sha256").update(secret).digest("hex"),
      ]);
      tokens.set(person.id, secret);
    }
  });
  return tokens;
}

async function main(): Promise<void> {
  exitOnSignals();
  const started = new Date();
  const loadAtStart = os.loadavg()[0];
  const db = await startBenchDb(log);
  onShutdown(db.stop);
  // The services (lib/db.ts) read it on first use; the query capture must come before that.
  process.env.DATABASE_URL = db.url;
  installQueryCapture(db.url);
  onShutdown(disconnectCapture);
  log(`PostgreSQL ${db.postgresVersion} (embedded) on port ${db.port}`);

  const { manifest } = await ensureDataset(db, log);
  const [editor, ...reviewers] = manifest.people;
  const ctx: BenchContext = {
    manifest,
    databaseUrl: db.url,
    quick,
    log,
    app: null,
    appError: null,
    tokens: await freshTokens(db.url, manifest),
    editor,
    reviewers,
    shared: new Map(),
  };

  const results: ScenarioResult[] = [];
  const run = async (id: string, title: string, scenario: Scenario) => {
    if (wanted(id)) results.push(await runScenario(ctx, id, title, scenario));
  };

  // CPU-only and child-process scenarios first, while no app server competes for the 2 cores.
  await run("4", "Re-anchoring (20,000 words, 2,000 annotations)", reanchorScenario);
  await run("5", "Export", exportScenario);

  if (["1", "2", "3", "6"].some(wanted)) {
    try {
      const build = await buildApp(db.url, log, rebuild ? "always" : reuseBuild ? "never" : "if-changed");
      log(build.reused ? "App build is up to date (sources unchanged)" : `App built in ${build.seconds.toFixed(0)} s`);
      ctx.app = await startApp(db.url, log);
      onShutdown(ctx.app.stop);
    } catch (error) {
      ctx.appError = error instanceof Error ? error.message.split("\n")[0] : String(error);
      log(`App unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (ctx.app && wanted("6")) await measureIdleMemory(ctx);
  await run("2", "Saving under load (API, Bearer tokens)", savingScenario);
  await run("6", "Server memory (next start process group)", memoryScenario);
  await run("1", "Editor on a long article (Chromium, production build)", editorScenario);
  await run("3", "Dashboard at scale", dashboardScenario);

  const report: RunReport = {
    date: started.toISOString().slice(0, 10),
    startedAt: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    complete: !only,
    machine: describeMachine(db.postgresVersion, (ctx.shared.get("chromium") as string | undefined) ?? null, loadAtStart),
    data: {
      version: manifest.version,
      generatedAt: manifest.generatedAt,
      articles: manifest.counts.articles,
      annotations: manifest.counts.annotations,
      editorArticle: manifest.editorArticle,
      lots: manifest.lots,
    },
    scenarios: results,
  };
  const files = writeResults(RESULTS_DIR, report);
  if (report.complete) updateReadme(README, report);
  log(`\n${renderMachine(report)}\n\n${renderTable(report)}\n\n${renderNotes(report)}\n`);
  log(`Results: ${path.relative(projectRoot, files.latest)}, ${path.relative(projectRoot, files.dated)}${report.complete ? ", bench/README.md" : ""}`);
}

main().then(
  () => shutdown(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return shutdown(1);
  },
);
