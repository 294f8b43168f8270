/**
 * 3. Dashboard at scale (10,000 articles, 1,000,000 annotations): the server time of the
 * article list with its aggregates, first page and filtered pages, through the lib functions
 * the dashboard page calls (listArticles + dashboardAggregates + filterOptions, together as
 * components/dashboard/dashboard-view.tsx does) and through HTTP (the page itself with a
 * session, and the API with a Bearer token). The SQL those functions send is captured and
 * EXPLAINed (ANALYZE, BUFFERS); the key plan lines are printed.
 * Baseline: a plain primary-key lookup of one article, by the same client (lib: one indexed
 * SELECT through the app's PrismaClient; HTTP: GET /api/v1/articles/:id).
 */
import pg from "pg";
import { listArticles } from "../../lib/articles/list-articles";
import { listArticlesQuery, type ListArticlesQuery } from "../../lib/articles/schemas";
import { dashboardAggregates } from "../../lib/dashboard/dashboard-aggregates";
import { filterOptions } from "../../lib/dashboard/filter-options";
import { db } from "../../lib/db";
import { actorOf, BENCH_PASSWORD } from "../data/dataset";
import { requireApp, type BenchContext } from "../lib/context";
import { signIn, timedGet } from "../lib/http";
import { captureQueries, type CapturedQuery } from "../lib/query-capture";
import { measure, type ScenarioResult } from "../lib/report";
import { interleavedMs, summarize } from "../lib/stats";

const GOAL_MS = 300;
const CHART_DAYS = 30;

/** The URL states measured: the landing page, a combination of filters, a full-text search. */
function cases(ctx: BenchContext): { name: string; params: Record<string, string> }[] {
  const { q, articles } = ctx.manifest.lots.small;
  return [
    { name: "first page", params: {} },
    { name: "filtered page (in review, French, has false, by open findings, page 2)", params: { status: "in_review", language: "fr", hasFalse: "true", sort: "open", page: "2" } },
    { name: `search page (q=${q}, a title word of ${articles} articles)`, params: { q } },
  ];
}

/** What the dashboard page loads for one URL state. */
function dashboardData(ctx: BenchContext, query: ListArticlesQuery) {
  const actor = actorOf(ctx.editor);
  return Promise.all([listArticles(actor, query), dashboardAggregates(actor, { ...query, days: CHART_DAYS }), filterOptions(actor)]);
}

/** Plan lines that show how each table is read, and the totals. */
const KEY_LINE = /(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Bitmap Index Scan|Execution Time)/;

/** EXPLAIN (ANALYZE, BUFFERS) of each captured query; returns the key lines of each plan. */
async function explain(databaseUrl: string, queries: readonly CapturedQuery[]): Promise<{ sql: string; keyLines: string[]; plan: string[] }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const plans: { sql: string; keyLines: string[]; plan: string[] }[] = [];
  try {
    for (const q of queries) {
      if (!/^\s*(SELECT|WITH)\b/i.test(q.sql)) continue;
      const sql = q.sql.replace(/\s+/g, " ").trim();
      try {
        const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
        const plan = rows.map((r) => r["QUERY PLAN"]);
        plans.push({
          sql,
          plan,
          keyLines: plan.filter((line) => KEY_LINE.test(line)).map((line) => line.replace(/^\s*->\s*/, "").replace(/\s+\(cost=[^)]*\)/, "").trim()),
        });
      } catch (error) {
        plans.push({ sql, plan: [], keyLines: [`EXPLAIN failed: ${error instanceof Error ? error.message : String(error)}`] });
      }
    }
  } finally {
    await client.end();
  }
  return plans;
}

export async function dashboardScenario(ctx: BenchContext, result: ScenarioResult): Promise<void> {
  const runs = ctx.quick ? 5 : 12;
  const sampleId = ctx.manifest.sampleArticleId;
  const pkLookup = () => db.$queryRaw`SELECT id, title, status FROM "Article" WHERE id = ${sampleId}::uuid`;

  const CASES = cases(ctx);
  // Through the lib functions.
  for (const c of CASES) {
    const query = listArticlesQuery.parse(c.params);
    const samples = await interleavedMs(runs, 2, () => dashboardData(ctx, query), pkLookup);
    const subject = summarize(samples.subject);
    result.measures.push(
      measure(`lib: ${c.name} — list + aggregates + filter options`, "ms", subject, { name: "PK lookup (lib)", median: summarize(samples.baseline).median }, {
        text: `≤ ${GOAL_MS} ms`,
        pass: subject.p95 <= GOAL_MS,
      }),
    );
    const [list] = await dashboardData(ctx, query);
    const { queries } = await captureQueries(() => dashboardData(ctx, query));
    const plans = await explain(ctx.databaseUrl, queries);
    result.details[`plans: ${c.name}`] = plans;
    result.details[`total: ${c.name}`] = list.total;
    const lines = plans.flatMap((p) => [`${p.sql.slice(0, 110)}${p.sql.length > 110 ? "…" : ""}`, ...p.keyLines.map((line) => `    ${line}`)]);
    result.appendix.push({ title: `EXPLAIN (ANALYZE, BUFFERS) key lines, ${c.name} (${list.total.toLocaleString("en-US")} articles match)`, lines });
    ctx.log(`  EXPLAIN (ANALYZE, BUFFERS), ${c.name}:`);
    for (const line of lines) ctx.log(`    ${line}`);
  }
  const seqScans = Object.entries(result.details)
    .filter(([key]) => key.startsWith("plans:"))
    .flatMap(([, plans]) => (plans as { keyLines: string[] }[]).flatMap((p) => p.keyLines.filter((l) => /Seq Scan/.test(l))));
  result.notes.push(
    `Dashboard plans: ${seqScans.length === 0 ? "no sequential scan" : `sequential scans: ${[...new Set(seqScans.map((l) => l.replace(/\s+\(actual.*$/, "")))].join("; ")}`} (full plans in the results JSON; key lines printed during the run and below).`,
  );

  // Through HTTP.
  const app = requireApp(ctx);
  const token = ctx.tokens.get(ctx.editor.id);
  if (!token) throw new Error("no API token for the editor");
  const bearer = { authorization: `Bearer ${token}` };
  const cookie = { cookie: await signIn(app.url, ctx.editor.email, BENCH_PASSWORD) };
  const baseline = () => timedGet(`${app.url}/api/v1/articles/${sampleId}`, bearer);
  const http: { name: string; url: string; headers: Record<string, string> }[] = [
    { name: "HTTP: dashboard page, first page (HTML, session)", url: `${app.url}/`, headers: cookie },
    { name: `HTTP: dashboard page, ${CASES[1].name}`, url: `${app.url}/?${new URLSearchParams(CASES[1].params)}`, headers: cookie },
    { name: "HTTP: GET /api/v1/articles, first page", url: `${app.url}/api/v1/articles`, headers: bearer },
    { name: "HTTP: GET /api/v1/articles, filtered page", url: `${app.url}/api/v1/articles?${new URLSearchParams(CASES[1].params)}`, headers: bearer },
    { name: `HTTP: GET /api/v1/articles, ${CASES[2].name}`, url: `${app.url}/api/v1/articles?${new URLSearchParams(CASES[2].params)}`, headers: bearer },
    { name: "HTTP: GET /api/v1/dashboard (aggregates)", url: `${app.url}/api/v1/dashboard`, headers: bearer },
  ];
  for (const h of http) {
    const samples = { subject: [] as number[], baseline: [] as number[] };
    for (let i = -2; i < runs; i++) {
      const b = await baseline();
      const s = await timedGet(h.url, h.headers);
      if (i >= 0) {
        samples.baseline.push(b);
        samples.subject.push(s);
      }
    }
    const subject = summarize(samples.subject);
    result.measures.push(
      measure(h.name, "ms", subject, { name: "GET /api/v1/articles/:id", median: summarize(samples.baseline).median }, { text: `≤ ${GOAL_MS} ms`, pass: subject.p95 <= GOAL_MS }),
    );
  }
  result.notes.push(
    `Dashboard: ${ctx.manifest.counts.articles.toLocaleString("en-US")} articles, ${ctx.manifest.counts.annotations.toLocaleString("en-US")} annotations; times are the whole request (loopback), the lib ones the three functions the page awaits together.`,
  );
}
