import { beforeAll, describe, expect, it } from "vitest";
import * as articlesRoute from "@/app/api/v1/articles/route";
import * as articleRoute from "@/app/api/v1/articles/[id]/route";
import type { ArticleDto } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("EDITOR"), makeUser("REVIEWER")]);
});

const post = (token: string, body: unknown) => callRoute(articlesRoute.POST, { method: "POST", token, body });
const unique = () => Math.random().toString(36).slice(2);

describe("articles API", () => {
  it("imports markdown, keeps emoji in the title, and answers the canonical text", async () => {
    const tag = unique();
    const res = await post(editor.token, {
      title: "Patrouilles 🇷🇺 en Baltique",
      format: "markdown",
      body: `## Les faits\n\nSelon les services britanniques, **45 bâtiments** sont opérationnels (${tag}).\n\n- 280.000 tonnes\n- 15 902 marins`,
      url: `https://example.org/${tag}`,
    });
    expect(res.status).toBe(201);
    const a = res.json as unknown as ArticleDto;
    expect(a.title).toBe("Patrouilles 🇷🇺 en Baltique");
    expect(a.language).toBe("fr");
    expect(a.text).toBe(`Les faits\n\nSelon les services britanniques, 45 bâtiments sont opérationnels (${tag}).\n\n280.000 tonnes\n\n15 902 marins`);
    const got = await callRoute(articleRoute.GET, { token: reviewer.token, params: { id: a.id } });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: a.id, text: a.text, revision: 1, status: "draft" });
    expect((got.json.content as { type: string }).type).toBe("doc");
  });

  it("warns about a duplicate URL or text with the existing id, unless asked to import anyway", async () => {
    const tag = unique();
    const body = { title: "Bus", format: "text", body: `87% of buses ran on time (${tag}).`, url: `https://example.org/bus-${tag}` };
    const first = await post(editor.token, body);
    expect(first.status).toBe(201);
    const sameUrl = await post(editor.token, { ...body, body: `Other text ${tag}` });
    expect(sameUrl.status).toBe(409);
    expect(sameUrl.json.error).toMatchObject({ code: "duplicate", existingId: first.json.id });
    const sameText = await post(editor.token, { ...body, url: null, body: `87%  of buses ran on time (${tag}).` });
    expect(sameText.json.error).toMatchObject({ code: "duplicate", existingId: first.json.id });
    const anyway = await post(editor.token, { ...body, allowDuplicate: true });
    expect(anyway.status).toBe(201);
  });

  it("refuses bad input with the right status and nothing written", async () => {
    const before = await db.article.count({ where: { createdById: editor.id } });
    expect((await post(editor.token, { title: "Vide", format: "text", body: "   \n\n " })).status).toBe(422);
    expect((await post(editor.token, { title: "Gros", format: "text", body: "x".repeat(2 * 1024 * 1024 + 10) })).status).toBe(413);
    const wrongType = await post(editor.token, { title: 5, format: "pdf", body: "x" });
    expect(wrongType.status).toBe(422);
    expect(Object.keys(wrongType.json.error?.fields ?? {})).toEqual(expect.arrayContaining(["title", "format"]));
    expect((await post(editor.token, { title: "x", format: "text", body: "x", extra: 1 })).json.error?.fields).toHaveProperty("extra");
    expect((await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: "not json" })).status).toBe(400);
    expect((await callRoute(articlesRoute.POST, { method: "POST", token: editor.token, body: "{}", headers: { "content-type": "text/csv" } })).status).toBe(415);
    expect(await db.article.count({ where: { createdById: editor.id } })).toBe(before);
  });

  it("lets reviewers read but not import (403)", async () => {
    const res = await post(reviewer.token, { title: "x", format: "text", body: "Texte" });
    expect(res.status).toBe(403);
    expect(res.json.error?.code).toBe("forbidden");
    const list = await callRoute(articlesRoute.GET, { token: reviewer.token, query: { pageSize: "5" } });
    expect(list.status).toBe(200);
    expect(Array.isArray(list.json.items)).toBe(true);
    expect(typeof list.json.total).toBe("number");
  });

  it("finds French articles by stem and lists counts", async () => {
    const tag = unique();
    await post(editor.token, { title: `Emploi ${tag}`, format: "text", language: "fr", body: `L’industrie recrute six millions de personnes (${tag}).` });
    const res = await callRoute(articlesRoute.GET, { token: reviewer.token, query: { q: `recruter ${tag}` } });
    const items = res.json.items as { title: string; counts: { total: number } }[];
    expect(items.map((i) => i.title)).toEqual([`Emploi ${tag}`]);
    expect(items[0].counts.total).toBe(0);
    expect((await callRoute(articlesRoute.GET, { token: reviewer.token, query: { status: "published" } })).status).toBe(400);
  });

  it("approves only when claims and figures are verified, or with a recorded reason; reopening needs one too", async () => {
    const created = await post(editor.token, { title: `Approbation ${unique()}`, format: "text", body: `Texte ${unique()} avec un chiffre : 87 %.` });
    const id = created.json.id as string;
    const { POST: createAnnotation } = await import("@/app/api/v1/articles/[id]/annotations/route");
    await callRoute(createAnnotation, { method: "POST", token: reviewer.token, params: { id }, body: { kind: "figure", target: { exact: "87 %" } } });
    const refused = await callRoute(articleRoute.PATCH, { method: "PATCH", token: editor.token, params: { id }, body: { status: "approved" } });
    expect(refused.status).toBe(422);
    expect(refused.json.error?.fields).toHaveProperty("reason");
    const forced = await callRoute(articleRoute.PATCH, { method: "PATCH", token: editor.token, params: { id }, body: { status: "approved", reason: "Urgence : publication à 18 h" } });
    expect(forced.json.status).toBe("approved");
    expect((await db.article.findUniqueOrThrow({ where: { id } })).approvalOverride).toBe("Urgence : publication à 18 h");
    const locked = await callRoute(createAnnotation, { method: "POST", token: reviewer.token, params: { id }, body: { kind: "claim", target: { exact: "Texte" } } });
    expect(locked.status).toBe(409);
    expect(locked.json.error?.code).toBe("article_locked");
    const noReason = await callRoute(articleRoute.PATCH, { method: "PATCH", token: editor.token, params: { id }, body: { status: "in_review" } });
    expect(noReason.status).toBe(422);
    const reopened = await callRoute(articleRoute.PATCH, { method: "PATCH", token: editor.token, params: { id }, body: { status: "in_review", reason: "Correction de l’éditeur" } });
    expect(reopened.json.status).toBe("in_review");
  });
});
