import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as articlesRoute from "@/app/api/v1/articles/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createArticle } from "@/lib/articles/create-article";
import type { ArticleSummary } from "@/lib/articles/list-articles";
import { updateArticle } from "@/lib/articles/update-article";
import { assignReviewer } from "@/lib/dashboard/assign-reviewer";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;
let other: TestUser;
const word = `zq${randomUUID().replace(/-/g, "").slice(0, 10)}`;
const outlet = `Gazette ${word}`;
const ids: Record<string, string> = {};

const list = async (query: Record<string, string>, token = reviewer.token) => {
  const res = await callRoute(articlesRoute.GET, { token, query: { q: word, pageSize: "50", ...query } });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as unknown as { items: ArticleSummary[]; total: number; page: number; pageSize: number };
};
const titles = (r: { items: ArticleSummary[] }) => r.items.map((i) => i.title);

beforeAll(async () => {
  [editor, reviewer, other] = await Promise.all([makeUser("EDITOR"), makeUser("REVIEWER"), makeUser("REVIEWER")]);
  const make = async (key: string, title: string, language: "fr" | "en", body: string, extra: { outlet?: string } = {}) => {
    const a = await createArticle(editor, { title: `${title} ${word}`, body: `${body} (${word})`, format: "text", language, allowDuplicate: true, ...extra });
    ids[key] = a.id;
    return a;
  };
  await make("emploi", "B Emploi", "fr", "L’industrie recrute six millions de personnes d’ici 2030, selon le ministère.", { outlet });
  await make("bus", "A Buses", "en", "The council is recruiting forty drivers; 87% of buses ran on time.");
  await make("flotte", "C Flotte", "fr", "La flotte compterait environ 45 bâtiments, dont 280.000 tonnes.", { outlet });
  await make("budget", "D Budget", "fr", "Le budget atteindrait 6 % du PIB, soit six millions de roubles par jour.");

  // Bus: assigned (so in review), one false finding. Flotte: an orphan. Budget: approved.
  await assignReviewer(editor, ids.bus, reviewer.id);
  await createAnnotation(other, ids.bus, { kind: "figure", target: { exact: "87% of buses ran on time" }, verdict: "false", status: "in_review" });
  await createAnnotation(other, ids.bus, { kind: "claim", target: { exact: "recruiting forty drivers" }, verdict: "misleading" });
  const { annotation } = await createAnnotation(other, ids.flotte, { kind: "figure", target: { exact: "45 bâtiments" } });
  await db.annotation.update({ where: { id: annotation.id }, data: { anchor: "ORPHANED", start: null, end: null } });
  await createAnnotation(other, ids.emploi, { kind: "claim", target: { exact: "six millions de personnes" }, verdict: "accurate" });
  await updateArticle(editor, ids.budget, { status: "approved" });
});

describe("dashboard filters, search and sorting", () => {
  it("finds French text by its stem (recruter → recrute) and English by its own (recruit driver → recruiting drivers)", async () => {
    expect(titles(await list({ q: `recruter ${word}` }))).toEqual([`B Emploi ${word}`]);
    expect(titles(await list({ q: `recruit driver ${word}` }))).toEqual([`A Buses ${word}`]);
    expect(titles(await list({ q: `bâtiment ${word}` }))).toEqual([`C Flotte ${word}`]);
    expect((await list({ q: `"six millions" ${word}`, sort: "title" })).items.map((i) => i.id)).toEqual([ids.emploi, ids.budget]);
    expect((await list({ q: `${word} -budget`, sort: "title" })).total).toBe(3);
  });

  it("filters by workflow status, outlet, language and reviewer", async () => {
    expect(titles(await list({ status: "in_review" }))).toEqual([`A Buses ${word}`]);
    expect(titles(await list({ status: "approved" }))).toEqual([`D Budget ${word}`]);
    expect((await list({ status: "draft", sort: "title" })).items.map((i) => i.id)).toEqual([ids.emploi, ids.flotte]);
    expect((await list({ outlet, sort: "title" })).items.map((i) => i.id)).toEqual([ids.emploi, ids.flotte]);
    expect(titles(await list({ language: "en" }))).toEqual([`A Buses ${word}`]);
    const assigned = await list({ reviewer: reviewer.id });
    expect(assigned.items.map((i) => i.id)).toEqual([ids.bus]);
    expect(assigned.items[0].reviewers).toEqual([{ id: reviewer.id, name: reviewer.name }]);
    expect((await list({ reviewer: "none" })).total).toBe(3);
    expect((await list({ reviewer: other.id })).total).toBe(0);
  });

  it("filters articles with false or misleading findings, and with orphans", async () => {
    const withFalse = await list({ hasFalse: "true" });
    expect(withFalse.items.map((i) => i.id)).toEqual([ids.bus]);
    expect(withFalse.items[0].counts).toMatchObject({ falseOrMisleading: 2, byVerdict: { false: 1, misleading: 1 }, checkable: { total: 2, verified: 0 } });
    expect((await list({ hasFalse: "false" })).total).toBe(3);
    const orphans = await list({ hasOrphans: "true" });
    expect(orphans.items.map((i) => i.id)).toEqual([ids.flotte]);
    expect(orphans.items[0].counts.orphaned).toBe(1);
    expect((await list({ hasOrphans: "true", language: "en" })).total).toBe(0);
  });

  it("sorts by any column both ways and pages without overlap", async () => {
    expect(titles(await list({ sort: "title" }))).toEqual(["A", "B", "C", "D"].map((l) => expect.stringMatching(new RegExp(`^${l} `))));
    expect(titles(await list({ sort: "title", dir: "desc" }))[0]).toMatch(/^D /);
    expect((await list({ sort: "false" })).items[0].id).toBe(ids.bus);
    expect((await list({ sort: "orphans" })).items[0].id).toBe(ids.flotte);
    expect((await list({ sort: "open" })).items[0].id).toBe(ids.bus);
    // Least advanced first; articles with nothing to sign off last.
    const progress = (await list({ sort: "progress" })).items.map((i) => i.id);
    expect(progress.slice(-1)).toEqual([ids.budget]);
    // Latest activity first by default: the approval was the last thing to happen.
    expect((await list({})).items[0].id).toBe(ids.budget);

    const seen: string[] = [];
    for (let page = 1; page <= 2; page++) {
      const r = await list({ sort: "title", pageSize: "3", page: String(page) });
      expect(r.total).toBe(4);
      seen.push(...r.items.map((i) => i.id));
    }
    expect(seen).toEqual([ids.bus, ids.emploi, ids.flotte, ids.budget]);
  });

  it("keeps GET /api/v1/articles compatible and refuses unknown values", async () => {
    const plain = await callRoute(articlesRoute.GET, { token: reviewer.token, query: { q: word, status: "draft", page: "1", pageSize: "2" } });
    expect(plain.status).toBe(200);
    expect(plain.json).toMatchObject({ total: 2, page: 1, pageSize: 2 });
    const item = (plain.json.items as ArticleSummary[])[0];
    expect(Object.keys(item.counts)).toEqual(expect.arrayContaining(["total", "byKind", "byStatus", "byVerdict", "orphaned"]));
    const bads: Record<string, string>[] = [{ sort: "random" }, { hasFalse: "maybe" }, { reviewer: "someone" }, { language: "de" }, { dir: "up" }, { unknown: "1" }];
    for (const bad of bads) {
      const res = await callRoute(articlesRoute.GET, { token: reviewer.token, query: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.error?.code).toBe("bad_parameter");
    }
  });
});
