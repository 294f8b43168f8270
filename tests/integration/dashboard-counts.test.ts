import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as dashboardRoute from "@/app/api/v1/dashboard/route";
import { AppError } from "@/lib/api/errors";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation, restoreAnnotation } from "@/lib/annotations/delete-annotation";
import type { AnnotationDto, AnnotationKind, AnnotationStatus, Verdict } from "@/lib/annotations/types";
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, VERDICTS } from "@/lib/annotations/types";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { createArticle } from "@/lib/articles/create-article";
import { emptyCounts, listArticles, type AnnotationCounts } from "@/lib/articles/list-articles";
import { listArticlesQuery } from "@/lib/articles/schemas";
import { dashboardAggregates } from "@/lib/dashboard/dashboard-aggregates";
import { NEWSROOM_TIME_ZONE } from "@/lib/dashboard/time-zone";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { FRENCH_BODY, makeUser, type TestUser } from "./support/factories";

/** A small seeded generator, so that a failing run can be replayed with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts the way the dashboard should, from the annotation rows themselves. */
function bruteForce(rows: { kind: string; status: string; verdict: string | null; anchor: string; deletedAt: Date | null }[]): AnnotationCounts {
  const c = emptyCounts();
  for (const r of rows) {
    if (r.deletedAt) continue;
    const kind = r.kind.toLowerCase() as AnnotationKind;
    const status = r.status.toLowerCase() as AnnotationStatus;
    c.total++;
    c.byKind[kind]++;
    c.byStatus[status]++;
    c.byVerdict[r.verdict ? (r.verdict.toLowerCase() as Verdict) : "none"]++;
    if (r.anchor === "ORPHANED") c.orphaned++;
    if (r.anchor === "DRIFTED") c.drifted++;
    if (r.verdict === "FALSE" || r.verdict === "MISLEADING") c.falseOrMisleading++;
    if (kind !== "source") {
      c.checkable.total++;
      if (status === "verified") c.checkable.verified++;
    }
  }
  return c;
}

function sum(list: AnnotationCounts[]): AnnotationCounts {
  const total = emptyCounts();
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const k of Object.keys(into)) into[k] += from[k];
  };
  for (const c of list) {
    total.total += c.total;
    add(total.byKind, c.byKind);
    add(total.byStatus, c.byStatus);
    add(total.byVerdict, c.byVerdict);
    total.orphaned += c.orphaned;
    total.drifted += c.drifted;
    total.falseOrMisleading += c.falseOrMisleading;
    total.checkable.total += c.checkable.total;
    total.checkable.verified += c.checkable.verified;
  }
  return total;
}

/**
 * Quarter hours where the sign-off counters disagree with a recount of the annotation rows,
 * read in one statement (one snapshot), so that other test files writing at the same time
 * cannot make it disagree.
 */
async function signOffBucketMismatches() {
  return db.$queryRaw<{ bucket: Date; kept: number | null; recounted: number | null }[]>`
    WITH recount AS (
      SELECT date_bin('15 minutes', "signedOffAt", TIMESTAMP '2000-01-01') AS bucket, count(*)::int AS n
      FROM "Annotation" WHERE "signedOffAt" IS NOT NULL AND "deletedAt" IS NULL GROUP BY 1
    )
    SELECT coalesce(b.bucket, r.bucket) AS bucket, b.count AS kept, r.n AS recounted
    FROM (SELECT * FROM "SignOffBucket" WHERE count <> 0) b FULL JOIN recount r ON r.bucket = b.bucket
    WHERE b.count IS DISTINCT FROM r.n`;
}

let editor: TestUser;
let reviewers: TestUser[];

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  reviewers = await Promise.all([makeUser("REVIEWER"), makeUser("REVIEWER"), makeUser("REVIEWER")]);
});

describe("dashboard counts", () => {
  const seed = Number(process.env.DASHBOARD_SEED ?? Date.now() % 1_000_000);

  it(`equal a brute-force recount after random work on several articles (seed ${seed})`, async () => {
    const rnd = random(seed);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
    const outlet = `Outlet ${randomUUID()}`;
    const articles = [];
    for (let i = 0; i < 4; i++) {
      articles.push(
        await createArticle(editor, { title: `Compte ${i} ${randomUUID().slice(0, 6)}`, body: `${FRENCH_BODY}\n\n${randomUUID()}`, format: "text", language: "fr", outlet, allowDuplicate: true }),
      );
    }
    const length = Array.from(articles[0].text).length;
    const live = new Map<string, AnnotationDto>();

    for (let i = 0; i < 60; i++) {
      const article = pick(articles);
      const start = Math.floor(rnd() * (length - 12));
      const verdict = rnd() < 0.5 ? pick(VERDICTS) : null;
      // A stretch of white space only is refused: that creation simply does not happen.
      const created = await createAnnotation(pick(reviewers), article.id, {
        kind: pick(ANNOTATION_KINDS),
        target: { start, end: start + 1 + Math.floor(rnd() * 10) },
        status: pick(["unverified", "in_progress", "in_review"] as const),
        verdict,
        note: rnd() < 0.5 ? "Note" : undefined,
      }).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
      if (!created) continue;
      const { annotation } = created;
      live.set(annotation.id, annotation);
    }

    let refused = 0;
    for (let i = 0; i < 150; i++) {
      const current = pick([...live.values()]);
      const actor = pick(reviewers);
      const roll = rnd();
      try {
        if (roll < 0.1) {
          await deleteAnnotation(editor, current.id);
          live.delete(current.id);
          if (rnd() < 0.5) {
            const restored = await restoreAnnotation(editor, current.id);
            live.set(restored.id, restored);
          }
        } else if (roll < 0.2) {
          // What re-anchoring after a text edit does: a raw UPDATE, not through the services.
          const anchor = pick(["ANCHORED", "DRIFTED", "ORPHANED"] as const);
          await db.$executeRaw`UPDATE "Annotation" SET anchor = ${anchor}::"AnchorState", version = version + 1 WHERE id = ${current.id}::uuid`;
          live.set(current.id, { ...current, version: current.version + 1 });
        } else {
          const status = pick(ANNOTATION_STATUSES);
          const change = rnd() < 0.4 ? { verdict: rnd() < 0.2 ? null : pick(VERDICTS) } : {};
          const kind = rnd() < 0.1 ? { kind: pick(ANNOTATION_KINDS) } : {};
          const updated = await updateAnnotation(kind.kind ? editor : actor, current.id, { version: current.version, status, ...change, ...kind });
          live.set(updated.id, updated);
        }
      } catch (error) {
        // Refused changes (own sign-off, no verdict, a source as a claim's source…) roll back, counters included.
        if (!(error instanceof AppError)) throw error;
        refused++;
        const fresh = await db.annotation.findUnique({ where: { id: current.id }, select: { version: true, deletedAt: true } });
        if (fresh && !fresh.deletedAt) live.set(current.id, { ...current, version: fresh.version });
      }
    }

    const ids = articles.map((a) => a.id);
    const rows = await db.annotation.findMany({ where: { articleId: { in: ids } }, select: { articleId: true, kind: true, status: true, verdict: true, anchor: true, deletedAt: true, signedOffAt: true } });
    const expected = new Map(ids.map((id) => [id, bruteForce(rows.filter((r) => r.articleId === id))]));
    expect(sum([...expected.values()]).total).toBeGreaterThan(20);
    expect(refused).toBeLessThan(150);

    const list = await listArticles(editor, listArticlesQuery.parse({ outlet, pageSize: "10" }));
    expect(list.total).toBe(4);
    for (const item of list.items) expect(item.counts, item.title).toEqual(expected.get(item.id));

    const aggregates = await dashboardAggregates(editor, { outlet, days: 7 });
    expect(aggregates.articles).toEqual({ total: 4, draft: 4, in_review: 0, approved: 0 });
    expect(aggregates.annotations).toEqual(sum([...expected.values()]));
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: NEWSROOM_TIME_ZONE }).format(new Date());
    const signedToday = rows.filter((r) => !r.deletedAt && r.signedOffAt).length;
    expect(aggregates.signOffsPerDay).toHaveLength(7);
    expect(aggregates.signOffsPerDay.at(-1)).toEqual({ day: today, count: signedToday });
    expect(aggregates.signOffsPerDay.slice(0, -1).every((d) => d.count === 0)).toBe(true);
    // The chart of all articles reads the quarter-hour counters: they match the rows.
    expect(signedToday).toBeGreaterThan(0);
    expect(await signOffBucketMismatches()).toEqual([]);
    const all = await dashboardAggregates(editor, { days: 7 });
    expect(all.signOffsPerDay.at(-1)?.count).toBeGreaterThanOrEqual(signedToday);

    // The same through the API, filtered to articles with false or misleading findings.
    const res = await callRoute(dashboardRoute.GET, { token: reviewers[0].token, query: { outlet, hasFalse: "true", days: "7" } });
    expect(res.status).toBe(200);
    const withFalse = [...expected.values()].filter((c) => c.falseOrMisleading > 0);
    expect(res.json.articles).toMatchObject({ total: withFalse.length });
    expect(res.json.annotations).toEqual(sum(withFalse));
  });

  it("keep counting across a cascade: deleting an article removes its counters", async () => {
    const article = await createArticle(editor, { title: `Éphémère ${randomUUID()}`, body: FRENCH_BODY, format: "text", language: "fr", allowDuplicate: true });
    const { annotation } = await createAnnotation(reviewers[0], article.id, { kind: "figure", target: { exact: "280.000 tonnes" }, status: "in_review", verdict: "accurate" });
    await updateAnnotation(reviewers[1], annotation.id, { version: annotation.version, status: "verified" });
    expect(await db.articleStats.findUnique({ where: { articleId: article.id } })).toMatchObject({ total: 1, kindFigure: 1, statusVerified: 1, verdictAccurate: 1 });
    await db.article.delete({ where: { id: article.id } });
    expect(await db.articleStats.findUnique({ where: { articleId: article.id } })).toBeNull();
    expect(await signOffBucketMismatches()).toEqual([]);
  });

  it("refuses a bad query parameter with 400", async () => {
    const res = await callRoute(dashboardRoute.GET, { token: editor.token, query: { hasFalse: "maybe" } });
    expect(res.status).toBe(400);
    expect(res.json.error?.fields).toHaveProperty("hasFalse");
  });
});
