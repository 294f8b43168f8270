/**
 * 2. Saving under load: POST and PATCH of annotations through the real API (Bearer token)
 * by 1, 8 and 32 concurrent clients (autocannon on loopback, bounded in count and time).
 * Every POST carries a client-chosen id, so afterwards the rows can be counted: a 2xx whose
 * row is missing is a lost write; a second "created" event or a counter that disagrees with
 * the rows is a duplicated one. A sample of the POSTs is then retried with the same id and
 * body (what the browser outbox does) and must change nothing.
 * Baseline: the same row inserted (updated) with plain `pg` at the same concurrency, in the
 * same run, on the same articles (the database's triggers fire for both).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { codePointIndex } from "../../lib/anchoring/code-points";
import { buildQuoteSelector } from "../../lib/anchoring/quote-selector";
import type { LoadArticle } from "../data/dataset";
import { requireApp, type BenchContext } from "../lib/context";
import type { Measure, ScenarioResult } from "../lib/report";
import { summarize } from "../lib/stats";

const LEVELS = [1, 8, 32] as const;
const AMOUNT: Record<(typeof LEVELS)[number], number> = { 1: 250, 8: 800, 32: 1_600 };
const MAX_SECONDS = 20;
const P95_GOAL_MS = 50;
const RATE_GOAL = 0.25;
const NOTE = "bench load";

interface Target {
  article: LoadArticle;
  start: number;
  end: number;
  kind: "claim" | "figure" | "source";
}

interface LoadRun {
  latencies: number[];
  ok: string[];
  failed: { id: string; status: number; body: string }[];
  errors: number;
  timeouts: number;
  seconds: number;
}

/** Requests for all load articles in turn, so concurrent clients meet on the same articles. */
function targets(articles: readonly LoadArticle[]): Target[] {
  const out: Target[] = [];
  const longest = Math.max(...articles.map((a) => a.targets.length));
  for (let i = 0; i < longest; i++) {
    for (const article of articles) {
      const t = article.targets[i];
      if (t) out.push({ article, ...t });
    }
  }
  return out;
}

async function autocannonRun(
  url: string,
  token: string,
  connections: number,
  amount: number,
  next: (n: number) => { id: string; method: "GET" | "POST" | "PATCH"; path: string; body: string },
  expected: number,
): Promise<LoadRun> {
  const run: LoadRun = { latencies: [], ok: [], failed: [], errors: 0, timeouts: 0, seconds: 0 };
  let n = 0;
  // The run's time is from the first request built to the last response read, taken here:
  // autocannon reports its end on its once-a-second tick, which rounded every run up to
  // whole seconds (250 requests answered in 3.1 s counted as 4 s).
  let started = 0;
  let last = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        // autocannon refuses more connections than requests.
        connections: Math.max(1, Math.min(connections, amount)),
        amount,
        timeout: 10,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        requests: [
          {
            setupRequest: (request, context) => {
              if (n === 0) started = performance.now();
              const built = next(n++);
              context.id = built.id;
              return { ...request, method: built.method, path: built.path, body: built.body };
            },
            onResponse: (status, body, context) => {
              last = performance.now();
              const id = String(context.id);
              if (status === expected || (expected === 201 && status === 200)) run.ok.push(id);
              else run.failed.push({ id, status, body: body.slice(0, 300) });
            },
          },
        ],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) return reject(error);
        run.errors = result.errors;
        run.timeouts = result.timeouts;
        resolve();
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => run.latencies.push(ms));
    const timer = setTimeout(() => instance.stop(), MAX_SECONDS * 1000);
  });
  run.seconds = (last - started) / 1000;
  return run;
}

/** `count` statements on `connections` pg clients at once, each client taking the next index. */
async function pgRun(databaseUrl: string, connections: number, count: number, statement: (i: number) => { text: string; values: unknown[] }): Promise<{ latencies: number[]; seconds: number; done: number }> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  try {
    await Promise.all(
      clients.map(async (client) => {
        for (let i = next++; i < count && performance.now() < deadline; i = next++) {
          const { text, values } = statement(i);
          const t = performance.now();
          await client.query(text, values);
          latencies.push(performance.now() - t);
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return { latencies, seconds: (performance.now() - started) / 1000, done: latencies.length };
}

export async function savingScenario(ctx: BenchContext, result: ScenarioResult): Promise<void> {
  const app = requireApp(ctx);
  const reviewer = ctx.reviewers[0];
  const token = ctx.tokens.get(reviewer.id);
  if (!token) throw new Error("no API token for the load test's reviewer");
  const articles = ctx.manifest.loadArticles;
  const articleIds = articles.map((a) => a.id);
  const all = targets(articles);
  const db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  const cleanup = () => db.query(`DELETE FROM "Annotation" WHERE "articleId" = ANY($1::uuid[])`, [articleIds]);

  try {
    await cleanup();
    // Quote selectors for the baseline's rows, computed as the service computes them.
    const texts = new Map((await db.query<{ id: string; text: string }>(`SELECT id, text FROM "Article" WHERE id = ANY($1::uuid[])`, [articleIds])).rows.map((r) => [r.id, r.text]));
    const selector = (t: Target) => {
      const text = texts.get(t.article.id) ?? "";
      const index = codePointIndex(text);
      return buildQuoteSelector(text, index.toCodeUnit(t.start), index.toCodeUnit(t.end));
    };
    const postRequest = (i: number) => {
      const t = all[i % all.length];
      const id = randomUUID();
      const body = { id, kind: t.kind, target: { start: t.start, end: t.end }, note: `${NOTE} ${i}` };
      return { id, method: "POST" as const, path: `/api/v1/articles/${t.article.id}/annotations`, body: JSON.stringify(body) };
    };

    // Warm-up (JIT, connection pools), not measured.
    await autocannonRun(app.url, token, 4, ctx.quick ? 20 : 60, postRequest, 201);
    ctx.shared.set("saving.ran", true);

    let lost = 0;
    let duplicated = 0;
    let unexpected = 0;
    const retryCheck: string[] = [];
    const sentBodies = new Map<string, { path: string; body: string }>();
    const rememberingPost = (i: number) => {
      const request = postRequest(i);
      sentBodies.set(request.id, { path: request.path, body: request.body });
      return request;
    };

    for (const clients of LEVELS) {
      const amount = ctx.quick ? clients * 15 : AMOUNT[clients];
      ctx.log(`  ${clients} client(s): POST × ${amount}…`);
      const post = await autocannonRun(app.url, token, clients, amount, rememberingPost, 201);
      const baseInsert = await pgRun(ctx.databaseUrl, clients, post.ok.length || amount, (i) => {
        const t = all[i % all.length];
        const s = selector(t);
        return {
          text: `INSERT INTO "Annotation" (id, "articleId", kind, status, start, "end", exact, prefix, suffix, anchor, revision, note, "authorId", "createHash", "updatedAt")
                 VALUES ($1, $2, $3::"AnnotationKind", 'UNVERIFIED', $4, $5, $6, $7, $8, 'ANCHORED', $9, $10, $11, 'bench-baseline', now())`,
          values: [randomUUID(), t.article.id, t.kind.toUpperCase(), t.start, t.end, s.exact, s.prefix, s.suffix, t.article.revision, `${NOTE} baseline ${i}`, reviewer.id],
        };
      });

      // Every acknowledged create is there, once, with one "created" event; the counters agree.
      const rows = await db.query<{ id: string; events: number }>(
        `SELECT n.id, (SELECT count(*)::int FROM "AnnotationEvent" e WHERE e."annotationId" = n.id AND e.action = 'created') AS events
         FROM "Annotation" n WHERE n.id = ANY($1::uuid[])`,
        [post.ok],
      );
      lost += post.ok.length - rows.rows.length;
      duplicated += rows.rows.filter((r) => r.events !== 1).length;
      unexpected += post.failed.length;

      const patchIds = post.ok.slice(0, ctx.quick ? clients * 10 : Math.min(post.ok.length, AMOUNT[clients]));
      ctx.log(`  ${clients} client(s): PATCH × ${patchIds.length}…`);
      const patch = await autocannonRun(
        app.url,
        token,
        clients,
        patchIds.length,
        (i) => ({ id: patchIds[i], method: "PATCH", path: `/api/v1/annotations/${patchIds[i]}`, body: JSON.stringify({ version: 1, status: "in_progress", note: `${NOTE} patched` }) }),
        200,
      );
      const baseRows = await db.query<{ id: string }>(`SELECT id FROM "Annotation" WHERE "createHash" = 'bench-baseline' AND version = 1 AND "articleId" = ANY($1::uuid[]) LIMIT $2`, [articleIds, patchIds.length]);
      const baseUpdate = await pgRun(ctx.databaseUrl, clients, baseRows.rows.length, (i) => ({
        text: `UPDATE "Annotation" SET status = 'IN_PROGRESS', note = $1, version = version + 1, "updatedAt" = now() WHERE id = $2 AND version = 1`,
        values: [`${NOTE} patched`, baseRows.rows[i].id],
      }));
      const patched = await db.query<{ id: string; version: number; note: string; events: number }>(
        `SELECT n.id, n.version, n.note, (SELECT count(*)::int FROM "AnnotationEvent" e WHERE e."annotationId" = n.id AND e.action = 'updated') AS events
         FROM "Annotation" n WHERE n.id = ANY($1::uuid[])`,
        [patch.ok],
      );
      lost += patch.ok.length - patched.rows.filter((r) => r.version === 2 && r.note === `${NOTE} patched`).length;
      duplicated += patched.rows.filter((r) => r.events !== 1 || r.version > 2).length;
      unexpected += patch.failed.length;
      if (clients === LEVELS[LEVELS.length - 1]) retryCheck.push(...post.ok.slice(0, 50));

      // What any request costs here before Factmark's own work: Next.js routing and response
      // plus one trivial query through Prisma, at the same concurrency. Context, not a goal.
      const floor = await autocannonRun(app.url, token, clients, amount, (i) => ({ id: String(i), method: "GET", path: "/api/health", body: "" }), 200);
      const floorLatency = summarize(floor.latencies);
      result.measures.push({
        name: `reference: GET /api/health (Next.js + one SELECT 1 through Prisma, no auth), ${clients} client${clients > 1 ? "s" : ""}: throughput`,
        unit: "req/s",
        median: floor.ok.length / floor.seconds,
        n: floor.ok.length,
        baseline: { name: `pg insert, ${clients} conn.`, median: baseInsert.done / baseInsert.seconds },
        ratio: floor.ok.length / floor.seconds / (baseInsert.done / baseInsert.seconds),
        note: `latency median ${floorLatency.median.toFixed(1)} ms, p95 ${floorLatency.p95.toFixed(0)} ms`,
      });

      for (const [label, load, base] of [
        ["POST /api/v1/articles/:id/annotations", post, baseInsert],
        ["PATCH /api/v1/annotations/:id", patch, baseUpdate],
      ] as const) {
        const latency = summarize(load.latencies);
        const baseLatency = summarize(base.latencies);
        const rate = load.ok.length / load.seconds;
        const baseRate = base.done / base.seconds;
        const statusNote = load.failed.length ? `${load.failed.length} non-2xx: ${[...new Set(load.failed.map((f) => f.status))].join(", ")}` : undefined;
        const latencyMeasure: Measure = {
          name: `${label}, ${clients} client${clients > 1 ? "s" : ""}: latency`,
          unit: "ms",
          median: latency.median,
          p95: latency.p95,
          p99: latency.p99,
          n: latency.n,
          baseline: { name: `pg, ${clients} conn.`, median: baseLatency.median },
          ratio: latency.median / baseLatency.median,
          goal: clients === 32 ? { text: `p95 ≤ ${P95_GOAL_MS} ms`, pass: latency.p95 <= P95_GOAL_MS } : undefined,
          note: `p99 ${latency.p99.toFixed(0)} ms`,
        };
        const rateMeasure: Measure = {
          name: `${label}, ${clients} client${clients > 1 ? "s" : ""}: throughput`,
          unit: "req/s",
          median: rate,
          n: load.ok.length,
          baseline: { name: `pg, ${clients} conn.`, median: baseRate },
          ratio: rate / baseRate,
          goal: { text: `≥ ${RATE_GOAL * 100} % of baseline`, pass: rate / baseRate >= RATE_GOAL },
          note: statusNote,
        };
        result.measures.push(latencyMeasure, rateMeasure);
        result.details[`${label} ${clients}`] = {
          requests: load.ok.length + load.failed.length,
          ok: load.ok.length,
          failed: load.failed.slice(0, 20),
          errors: load.errors,
          timeouts: load.timeouts,
          seconds: load.seconds,
          latency,
          baseline: { done: base.done, seconds: base.seconds, latency: baseLatency },
        };
      }
    }

    // Retries of acknowledged creates (same id, same body) must answer 200 and write nothing.
    const before = await db.query<{ rows: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM "Annotation" WHERE "articleId" = ANY($1::uuid[])) AS rows,
              (SELECT count(*)::int FROM "AnnotationEvent" WHERE "articleId" = ANY($1::uuid[])) AS events`,
      [articleIds],
    );
    const retryStatuses = await Promise.all(
      retryCheck.map(async (id) => {
        const sent = sentBodies.get(id);
        if (!sent) return 0;
        const res = await fetch(`${app.url}${sent.path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: sent.body });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const after = await db.query<{ rows: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM "Annotation" WHERE "articleId" = ANY($1::uuid[])) AS rows,
              (SELECT count(*)::int FROM "AnnotationEvent" WHERE "articleId" = ANY($1::uuid[])) AS events`,
      [articleIds],
    );
    const retryWrites = after.rows[0].rows - before.rows[0].rows + (after.rows[0].events - before.rows[0].events);
    duplicated += retryWrites + retryStatuses.filter((s) => s !== 200).length;

    // The dashboard counters, kept by triggers under this concurrency, must match the rows.
    const drift = await db.query<{ drift: number }>(
      `SELECT count(*)::int AS drift FROM "ArticleStats" s
       WHERE s."articleId" = ANY($1::uuid[])
         AND s.total <> (SELECT count(*) FROM "Annotation" n WHERE n."articleId" = s."articleId" AND n."deletedAt" IS NULL)`,
      [articleIds],
    );
    duplicated += drift.rows[0].drift;

    result.measures.push({
      name: "lost or duplicated writes (all levels, POST and PATCH, plus retries)",
      unit: "rows",
      median: lost + duplicated,
      n: 1,
      goal: { text: "0", pass: lost + duplicated === 0 },
      note: `${lost} lost, ${duplicated} duplicated; ${unexpected} requests answered other than 2xx; ${retryStatuses.filter((s) => s === 200).length}/${retryCheck.length} retries answered 200`,
    });
    result.notes.push(
      `Saving: ${articles.length} articles shared by all clients (requests go to each in turn); the app's Prisma pool is its default (${process.env.DATABASE_POOL_SIZE ?? 10}); ` +
        `autocannon runs in the suite's process on the same 2 cores as next-server and Postgres. Latency is autocannon's per-response time; the pg baseline's is per statement.`,
    );
  } finally {
    await cleanup().catch(() => undefined);
    await db.end();
  }
}
