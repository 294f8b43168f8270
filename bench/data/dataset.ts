/**
 * The benchmark's data set, generated once from a seed and kept in the bench database
 * between runs. A manifest row records the data version; when it differs (or the database is
 * new) the database is recreated and everything is generated again:
 *
 *  - 7 people (1 editor, 6 reviewers) created through the app's user service;
 *  - 10,000 articles (French and English news, 450–1,000 words each) and 1,000,000
 *    annotations between them, loaded with COPY … FROM STDIN (pg-copy-streams, see ../lib/copy-from.ts), the
 *    database's triggers on (so the dashboard counters are the ones the app would keep);
 *    two "lots" of exactly 100 and 1,000 articles with 100 annotations each, found by a word
 *    in their titles, give the bulk export 10,000 and 100,000 annotations;
 *  - one long article (20,000 words, 2,000 overlapping annotations) for the editor, created
 *    through the article service, its annotations by COPY, and the same text again without
 *    annotations (the editor scenario's baseline);
 *  - 8 articles without annotations that the load test annotates through the API;
 *  - two single articles carrying 10,000 and 100,000 annotations (with evidence and comment
 *    threads) for the single-article export. They have a version of their own
 *    (BIG_ARTICLES_VERSION): when only it changes, they are made again in place, without
 *    regenerating the rest.
 */
import pg from "pg";
import { codePointIndex } from "../../lib/anchoring/code-points";
import type { UserRef } from "../../lib/annotations/types";
import { toDocument } from "../../lib/articles/import/to-document";
import { textFingerprint } from "../../lib/articles/import/text-hash";
import type { CurrentUser } from "../../lib/auth/current-user";
import type { Role } from "../../lib/auth/policy";
import type { BenchDb } from "../lib/bench-db";
import { copyFrom, copyLine } from "../lib/copy-from";
import { annotationRecords, commentThreads, type AnnotationRecord } from "./annotations";
import { chooseSpans, generateArticle, type GeneratedArticle, type Language } from "./news";
import { Random } from "./random";

export const SEED = "factmark-bench-2026";
/** Bump when the generator's output changes: the next run regenerates the data. */
const GENERATOR_VERSION = 4;

export const SCALE = {
  articles: 10_000,
  annotations: 1_000_000,
  /** Articles of the two export lots, each with exactly `lotAnnotationsPerArticle`. */
  lotSmallArticles: 100,
  lotLargeArticles: 1_000,
  lotAnnotationsPerArticle: 100,
  editorWords: 20_000,
  editorAnnotations: 2_000,
  loadArticles: 8,
  reviewers: 6,
} as const;

export const DATA_VERSION = `v${GENERATOR_VERSION}:${SEED}:${SCALE.articles}:${SCALE.annotations}:${SCALE.editorWords}:${SCALE.editorAnnotations}`;

/**
 * The single articles of the export scenario, added to the data set as a step of their own:
 * bump this when their generator changes and the next run remakes them in place (a minute
 * or so) instead of regenerating everything.
 */
// 2: the counter tables are compacted after the load (COMPACT_COUNTERS).
const BIG_ARTICLES_VERSION = 2;
export const BIG_ARTICLE_SIZES = [10_000, 100_000] as const;
/** Title word of the big articles (never one of the lots' words). */
const BIG_WORD = "Monolithe";
/** Rows per COPY statement for one big article: each row's trigger updates the article's counter row, which is cheap only in short transactions. */
const BIG_COPY_ROWS = 2_000;

/** Every bench account's password (a local, throwaway database). */
export const BENCH_PASSWORD = "bench-password-factmark";
const LOT_SMALL_WORD = "Zircon";
const LOT_LARGE_WORD = "Quasar";
/** Seeded annotations carry this createHash prefix; anything else on bench articles was made by a run. */
export const SEED_HASH_PREFIX = "bench-seed:";

export interface BenchPerson extends UserRef {
  email: string;
  role: Role;
}

export interface LoadArticle {
  id: string;
  language: Language;
  revision: number;
  /** Passages worth annotating, in code points. */
  targets: { start: number; end: number; kind: "claim" | "figure" | "source" }[];
}

export interface BenchManifest {
  version: string;
  generatedAt: string;
  loadSeconds: number;
  people: BenchPerson[];
  editorArticle: { id: string; words: number; annotations: number; overlapping: number };
  /** The same text without annotations (the editor's baseline). */
  bareArticleId: string;
  loadArticles: LoadArticle[];
  lots: { small: { q: string; articles: number; annotations: number }; large: { q: string; articles: number; annotations: number } };
  /** An ordinary article, for the primary-key lookup baseline. */
  sampleArticleId: string;
  /** Single articles carrying BIG_ARTICLE_SIZES annotations (the single-article export). */
  bigArticles?: { version: number; articles: BigArticle[] };
  counts: { articles: number; annotations: number };
}

export interface BigArticle {
  id: string;
  annotations: number;
  comments: number;
}

export function actorOf(person: BenchPerson): CurrentUser {
  return { id: person.id, email: person.email, name: person.name, role: person.role, locale: null };
}

async function readManifest(url: string): Promise<BenchManifest | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ found: boolean }>("SELECT to_regclass('public.bench_meta') IS NOT NULL AS found");
    if (!exists.rows[0]?.found) return null;
    const { rows } = await client.query<{ value: BenchManifest }>("SELECT value FROM bench_meta WHERE key = 'manifest'");
    return rows[0]?.value ?? null;
  } finally {
    await client.end();
  }
}

async function writeManifest(client: pg.Client, manifest: BenchManifest): Promise<void> {
  await client.query("CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)");
  await client.query("INSERT INTO bench_meta (key, value) VALUES ('manifest', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [
    JSON.stringify(manifest),
  ]);
}

const DAY = 86_400_000;
const upper = (value: string | null) => (value === null ? null : value.toUpperCase());

/** How many annotations each bulk article gets: 100 in the lots, 20–200 elsewhere, summing to SCALE.annotations. */
function planCounts(): number[] {
  const rng = Random.derive(SEED, "counts");
  const lots = SCALE.lotSmallArticles + SCALE.lotLargeArticles;
  const counts = Array.from({ length: SCALE.articles }, (_, i) => (i < lots ? SCALE.lotAnnotationsPerArticle : rng.int(30, 170)));
  let missing = SCALE.annotations - counts.reduce((a, b) => a + b, 0);
  while (missing !== 0) {
    const i = rng.int(lots, SCALE.articles - 1);
    const step = missing > 0 ? 1 : -1;
    if (counts[i] + step < 20 || counts[i] + step > 200) continue;
    counts[i] += step;
    missing -= step;
  }
  return counts;
}

function annotationLine(articleId: string, record: AnnotationRecord, people: readonly BenchPerson[], hash: string): string {
  const person = (i: number | null) => (i === null ? null : people[i].id);
  return copyLine([
    record.id,
    articleId,
    upper(record.kind),
    upper(record.status),
    upper(record.verdict),
    record.start,
    record.end,
    record.exact,
    record.prefix,
    record.suffix,
    upper(record.anchor),
    1,
    record.note,
    record.rationale,
    person(record.author),
    person(record.verdictBy),
    person(record.signedOffBy),
    record.signedOffAt,
    record.version,
    `${SEED_HASH_PREFIX}${hash}`,
    record.createdAt,
    record.updatedAt,
  ]);
}

const ANNOTATION_COPY = `COPY "Annotation" (id, "articleId", kind, status, verdict, start, "end", exact, prefix, suffix, anchor, revision, note, rationale,
  "authorId", "verdictById", "signedOffById", "signedOffAt", version, "createHash", "createdAt", "updatedAt") FROM STDIN`;
const EVIDENCE_COPY = `COPY "Evidence" (id, "annotationId", position, url, title, quote, note) FROM STDIN`;
const ARTICLE_COPY = `COPY "Article" (id, title, url, outlet, author, language, "publishedAt", status, revision, text, "textHash",
  "createdById", "approvedById", "approvedAt", "createdAt", "updatedAt", "lastActivityAt") FROM STDIN`;
const REVISION_COPY = `COPY "ArticleRevision" (id, "articleId", number, content, text, "authorId", "createdAt") FROM STDIN`;
const ASSIGNMENT_COPY = `COPY "ArticleAssignment" ("articleId", "userId", "assignedById", "createdAt") FROM STDIN`;

interface Batch {
  articles: string[];
  revisions: string[];
  assignments: string[];
  annotations: string[];
  evidence: string[];
}

function emptyBatch(): Batch {
  return { articles: [], revisions: [], assignments: [], annotations: [], evidence: [] };
}

/** Generates bulk article `i` into `batch`. */
function generateBulkArticle(i: number, count: number, people: readonly BenchPerson[], now: Date, batch: Batch): void {
  const rng = Random.derive(SEED, `article/${i}`);
  const language: Language = rng.chance(0.5) ? "fr" : "en";
  const marker = i < SCALE.lotSmallArticles ? LOT_SMALL_WORD : i < SCALE.lotSmallArticles + SCALE.lotLargeArticles ? LOT_LARGE_WORD : undefined;
  const article = generateArticle(rng, { language, minWords: rng.int(450, 1_000), minSpans: Math.ceil(count * 1.1), titleMarker: marker });
  const { content, text } = toDocument({ format: "text", body: article.body });
  if (text !== article.body) throw new Error(`Generated article ${i}: the canonical text differs from the generated body`);
  const id = rng.uuid();
  const editor = people[0];
  const createdAt = new Date(now.getTime() - rng.int(0, 180) * DAY - rng.int(0, DAY - 1));
  const status = rng.weighted([
    ["DRAFT", 25],
    ["IN_REVIEW", 55],
    ["APPROVED", 20],
  ] as const);
  const records = annotationRecords(rng, text, chooseSpans(rng, article.spans, count), { language, people: people.length, now, orphaned: 0.01, drifted: 0.02 });
  const lastActivity = new Date(Math.max(createdAt.getTime(), ...records.map((r) => r.updatedAt.getTime())));
  const approvedAt = status === "APPROVED" ? lastActivity : null;
  batch.articles.push(
    copyLine([
      id,
      article.title,
      `https://www.example-news.test/${language}/${createdAt.toISOString().slice(0, 10)}/article-${i}`,
      article.outlet,
      article.author,
      language,
      new Date(createdAt.getTime() - rng.int(1, 48) * 3_600_000),
      status,
      1,
      text,
      textFingerprint(text),
      editor.id,
      approvedAt ? editor.id : null,
      approvedAt,
      createdAt,
      lastActivity,
      lastActivity,
    ]),
  );
  batch.revisions.push(copyLine([rng.uuid(), id, 1, JSON.stringify(content), text, editor.id, createdAt]));
  if (rng.chance(0.6)) {
    const first = rng.int(1, people.length - 1);
    const reviewers = rng.chance(0.3) ? [first, 1 + (first % (people.length - 1))] : [first];
    for (const r of reviewers) batch.assignments.push(copyLine([id, people[r].id, editor.id, createdAt]));
  }
  for (const record of records) {
    batch.annotations.push(annotationLine(id, record, people, rng.hex(16)));
    record.evidence.forEach((e, position) => batch.evidence.push(copyLine([rng.uuid(), record.id, position, e.url, e.title, e.quote, e.note])));
  }
}

async function copyBatch(client: pg.Client, batch: Batch): Promise<void> {
  await copyFrom(client, ARTICLE_COPY, batch.articles);
  await copyFrom(client, REVISION_COPY, batch.revisions);
  if (batch.assignments.length) await copyFrom(client, ASSIGNMENT_COPY, batch.assignments);
  await copyFrom(client, ANNOTATION_COPY, batch.annotations);
  if (batch.evidence.length) await copyFrom(client, EVIDENCE_COPY, batch.evidence);
}

async function createPeople(): Promise<BenchPerson[]> {
  const { createUser } = await import("../../lib/users/users");
  const specs: { email: string; name: string; role: Role }[] = [
    { email: "bench-editor@bench.local", name: "Camille Rédaction", role: "EDITOR" },
    ...["Léa Martin", "Sam Carter", "Inès Haddad", "Owen Price", "Chloé Bernard", "Ravi Patel"]
      .slice(0, SCALE.reviewers)
      .map((name, i) => ({ email: `bench-reviewer-${i + 1}@bench.local`, name, role: "REVIEWER" as const })),
  ];
  const people: BenchPerson[] = [];
  for (const spec of specs) {
    const user = await createUser(null, { ...spec, password: BENCH_PASSWORD });
    people.push({ id: user.id, name: user.name, email: user.email, role: spec.role });
  }
  return people;
}

function overlapping(records: readonly AnnotationRecord[]): number {
  let count = 0;
  let reach = -1;
  const sorted = [...records].sort((a, b) => a.unitStart - b.unitStart);
  for (const r of sorted) {
    if (r.unitStart < reach) count++;
    reach = Math.max(reach, r.unitEnd);
  }
  return count;
}

/** The editor's long article, generated the same way every time (the re-anchoring scenario uses it too). */
export function editorArticleText(): GeneratedArticle {
  return generateArticle(Random.derive(SEED, "editor-article"), { language: "fr", minWords: SCALE.editorWords, minSpans: SCALE.editorAnnotations * 1.5 });
}

export function editorArticleRecords(text: string, spans: GeneratedArticle["spans"], people: number, now: Date): AnnotationRecord[] {
  const rng = Random.derive(SEED, "editor-annotations");
  return annotationRecords(rng, text, chooseSpans(rng, spans, SCALE.editorAnnotations), { language: "fr", people, now });
}

async function createSpecialArticles(client: pg.Client, people: BenchPerson[], now: Date) {
  const { createArticle } = await import("../../lib/articles/create-article");
  const editor = actorOf(people[0]);

  const long = editorArticleText();
  const created = await createArticle(editor, { title: long.title, body: long.body, format: "text", language: "fr", outlet: long.outlet, author: long.author, allowDuplicate: true });
  if (created.text !== long.body) throw new Error("The editor article's canonical text differs from the generated body");
  const records = editorArticleRecords(created.text, long.spans, people.length, now);
  const rng = Random.derive(SEED, "editor-hashes");
  await copyFrom(client, ANNOTATION_COPY, records.map((r) => annotationLine(created.id, r, people, rng.hex(16))));
  const bare = await createArticle(editor, { title: `${long.title} (sans annotations)`, body: long.body, format: "text", language: "fr", outlet: long.outlet, author: long.author, allowDuplicate: true });
  await client.query(`UPDATE "Article" SET status = 'IN_REVIEW' WHERE id = ANY($1::uuid[])`, [[created.id, bare.id]]);

  const loadArticles: LoadArticle[] = [];
  for (let i = 0; i < SCALE.loadArticles; i++) {
    const language: Language = i % 2 === 0 ? "en" : "fr";
    const generated = generateArticle(Random.derive(SEED, `load/${i}`), { language, minWords: 1_000 });
    const article = await createArticle(editor, { title: generated.title, body: generated.body, format: "text", language, outlet: generated.outlet, allowDuplicate: true });
    const index = codePointIndex(article.text);
    loadArticles.push({
      id: article.id,
      language,
      revision: article.revision,
      targets: generated.spans.map((s) => ({ start: index.toCodePoint(s.start), end: index.toCodePoint(s.end), kind: s.role })),
    });
  }
  return {
    editorArticle: { id: created.id, words: long.words, annotations: records.length, overlapping: overlapping(records) },
    bareArticleId: bare.id,
    loadArticles,
  };
}

const COMMENT_COPY = `COPY "Comment" (id, "annotationId", "authorId", body, "createdAt") FROM STDIN`;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** One article carrying `size` annotations (1 % orphans, 2 % drifted), evidence and comment threads, by COPY. */
async function createBigArticle(client: pg.Client, size: number, people: readonly BenchPerson[], now: Date): Promise<BigArticle> {
  const rng = Random.derive(SEED, `big-article/${size}`);
  const generated = generateArticle(rng, { language: "fr", minWords: 2_000, minSpans: size, titleMarker: BIG_WORD });
  const { content, text } = toDocument({ format: "text", body: generated.body });
  if (text !== generated.body) throw new Error(`Big article ${size}: the canonical text differs from the generated body`);
  const id = rng.uuid();
  const editor = people[0];
  const createdAt = new Date(now.getTime() - 100 * DAY);
  const records = annotationRecords(rng, text, generated.spans.slice(0, size), { language: "fr", people: people.length, now, orphaned: 0.01, drifted: 0.02 });
  if (records.length !== size) throw new Error(`Big article ${size}: only ${records.length} passages to annotate`);
  const lastActivity = new Date(Math.max(...records.map((r) => r.updatedAt.getTime())));
  await copyFrom(client, ARTICLE_COPY, [
    copyLine([
      id,
      generated.title,
      `https://www.example-news.test/fr/big/${size}`,
      generated.outlet,
      generated.author,
      "fr",
      new Date(createdAt.getTime() - 3_600_000),
      "IN_REVIEW",
      1,
      text,
      textFingerprint(text),
      editor.id,
      null,
      null,
      createdAt,
      lastActivity,
      lastActivity,
    ]),
  ]);
  await copyFrom(client, REVISION_COPY, [copyLine([rng.uuid(), id, 1, JSON.stringify(content), text, editor.id, createdAt])]);
  const annotations = records.map((r) => annotationLine(id, r, people, rng.hex(16)));
  for (const part of chunks(annotations, BIG_COPY_ROWS)) await copyFrom(client, ANNOTATION_COPY, part);
  const evidence = records.flatMap((r) => r.evidence.map((e, position) => copyLine([rng.uuid(), r.id, position, e.url, e.title, e.quote, e.note])));
  for (const part of chunks(evidence, 20_000)) await copyFrom(client, EVIDENCE_COPY, part);
  const threads = Object.values(commentThreads(rng, records, people, "fr")).flat();
  const comments = threads.map((c) => copyLine([c.id, c.annotationId, c.author.id, c.body, c.createdAt]));
  for (const part of chunks(comments, 20_000)) await copyFrom(client, COMMENT_COPY, part);
  return { id, annotations: records.length, comments: comments.length };
}

/**
 * The counter tables as a newsroom's database has them. Loading a million annotations in a
 * few transactions makes the triggers rewrite each article's counter row once per annotation:
 * 1.1 million dead versions of 10,000 rows (115 MB) that plain VACUUM frees but does not give
 * back, so every dashboard total would read 15,000 pages instead of about 150. A database that
 * grew to that size over months of saves has had autovacuum reclaim them all along.
 */
const COMPACT_COUNTERS = `VACUUM (FULL, ANALYZE) "ArticleStats", "SignOffBucket"`;

/** Makes the big single articles (again, if an older version of them exists). */
async function addBigArticles(client: pg.Client, manifest: BenchManifest, log: (line: string) => void): Promise<BenchManifest> {
  const started = Date.now();
  for (const old of manifest.bigArticles?.articles ?? []) {
    // In short transactions, like the COPY (see BIG_COPY_ROWS).
    for (;;) {
      const deleted = await client.query(`DELETE FROM "Annotation" WHERE id IN (SELECT id FROM "Annotation" WHERE "articleId" = $1 LIMIT ${BIG_COPY_ROWS})`, [old.id]);
      if (!deleted.rowCount) break;
    }
    await client.query(`DELETE FROM "Article" WHERE id = $1`, [old.id]);
  }
  const now = new Date(manifest.generatedAt);
  const articles: BigArticle[] = [];
  for (const size of BIG_ARTICLE_SIZES) {
    log(`  single article with ${size.toLocaleString("en-US")} annotations`);
    articles.push(await createBigArticle(client, size, manifest.people, now));
  }
  await client.query(`VACUUM (ANALYZE) "Article", "ArticleRevision", "Annotation", "Evidence", "Comment"`);
  await client.query(COMPACT_COUNTERS);
  const totals = await client.query<{ articles: number; annotations: number }>(
    `SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Annotation")::int AS annotations`,
  );
  log(`Big single articles ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return { ...manifest, bigArticles: { version: BIG_ARTICLES_VERSION, articles }, counts: totals.rows[0] };
}

/**
 * The data set of DATA_VERSION, generated if the bench database does not hold it already.
 * Needs process.env.DATABASE_URL pointing at the bench database (the services use it).
 */
export async function ensureDataset(db: BenchDb, log: (line: string) => void): Promise<{ manifest: BenchManifest; generated: boolean }> {
  const existing = await readManifest(db.url);
  if (existing?.version === DATA_VERSION) {
    if (existing.bigArticles?.version === BIG_ARTICLES_VERSION) return { manifest: existing, generated: false };
    log("Adding the big single articles to the bench data (an incremental step)");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query("SET synchronous_commit = off");
      const manifest = await addBigArticles(client, existing, log);
      await writeManifest(client, manifest);
      return { manifest, generated: true };
    } finally {
      await client.end();
    }
  }

  const started = Date.now();
  log(existing ? `Data version changed (${existing.version} → ${DATA_VERSION}): regenerating` : "No bench data yet: generating it (once; several minutes)");
  await db.recreate();
  const now = new Date();
  const people = await createPeople();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    const counts = planCounts();
    const BATCH = 250;
    let pending: Promise<void> = Promise.resolve();
    for (let from = 0; from < SCALE.articles; from += BATCH) {
      const batch = emptyBatch();
      for (let i = from; i < Math.min(from + BATCH, SCALE.articles); i++) generateBulkArticle(i, counts[i], people, now, batch);
      // Generate the next batch while Postgres loads this one.
      await pending;
      pending = copyBatch(client, batch);
      if ((from / BATCH) % 8 === 7) log(`  ${from + BATCH} / ${SCALE.articles} articles (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    await pending;
    const special = await createSpecialArticles(client, people, now);
    log("  VACUUM ANALYZE");
    await client.query(`VACUUM (ANALYZE) "Article", "ArticleRevision", "ArticleAssignment", "Annotation", "Evidence", "User"`);
    await client.query(COMPACT_COUNTERS);
    const totals = await client.query<{ articles: number; annotations: number }>(
      `SELECT (SELECT count(*) FROM "Article")::int AS articles, (SELECT count(*) FROM "Annotation")::int AS annotations`,
    );
    const sample = await client.query<{ id: string }>(`SELECT id FROM "Article" WHERE title NOT LIKE '%${LOT_SMALL_WORD}%' ORDER BY "createdAt" LIMIT 1 OFFSET 5000`);
    const base: BenchManifest = {
      version: DATA_VERSION,
      generatedAt: now.toISOString(),
      loadSeconds: Math.round((Date.now() - started) / 1000),
      people,
      ...special,
      lots: {
        small: { q: LOT_SMALL_WORD, articles: SCALE.lotSmallArticles, annotations: SCALE.lotSmallArticles * SCALE.lotAnnotationsPerArticle },
        large: { q: LOT_LARGE_WORD, articles: SCALE.lotLargeArticles, annotations: SCALE.lotLargeArticles * SCALE.lotAnnotationsPerArticle },
      },
      sampleArticleId: sample.rows[0].id,
      counts: totals.rows[0],
    };
    const manifest = await addBigArticles(client, base, log);
    await writeManifest(client, manifest);
    log(`Bench data ready in ${manifest.loadSeconds} s: ${manifest.counts.articles} articles, ${manifest.counts.annotations} annotations`);
    return { manifest, generated: true };
  } finally {
    await client.end();
  }
}
