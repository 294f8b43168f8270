import { beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/v1/articles/[id]/annotations/route";
import * as annotationRoute from "@/app/api/v1/annotations/[id]/route";
import * as contentRoute from "@/app/api/v1/articles/[id]/content/route";
import * as historyRoute from "@/app/api/v1/annotations/[id]/history/route";
import * as revisionsRoute from "@/app/api/v1/articles/[id]/revisions/route";
import * as diffRoute from "@/app/api/v1/articles/[id]/revisions/diff/route";
import type { AnnotationDto, ArticleDto } from "@/lib/annotations/types";
import { callRoute } from "./support/call-route";
import { makeArticle, makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("EDITOR"), makeUser("REVIEWER")]);
});

const paragraphs = (...texts: string[]) => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

const P1 = "Selon les services britanniques 🇬🇧, la flotte compte 45 bâtiments.";
const P2 = "Le ministère affirme que 230.000 soldats ont été mobilisés, cité par l’agence TASS.";
const P3 = "Le budget atteint six millions de roubles par jour.";

async function setup() {
  const article = await makeArticle(editor, { body: [P1, P2, P3].join("\n\n") });
  const put = async (content: unknown, revision = article.revision) =>
    callRoute(contentRoute.PUT, { method: "PUT", token: editor.token, params: { id: article.id }, body: { content, revision } });
  const annotate = async (exact: string, kind = "claim") =>
    (await callRoute(annotationsRoute.POST, { method: "POST", token: reviewer.token, params: { id: article.id }, body: { kind, target: { exact } } })).json as unknown as AnnotationDto;
  const list = async () =>
    ((await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: article.id } })).json.items as AnnotationDto[]);
  return { article, put, annotate, list };
}

describe("editing the article text", () => {
  it("keeps annotations anchored when a sentence is inserted before, drifts an edited figure, orphans a removed passage", async () => {
    const { article, put, annotate, list } = await setup();
    const source = await annotate("Selon les services britanniques 🇬🇧", "source");
    const figure = await annotate("230.000 soldats ont été mobilisés", "figure");
    const budget = await annotate("six millions de roubles par jour");
    const lastLine = article.text.split("\n\n").at(-1)!;

    const inserted = "Mise à jour : le ministère a corrigé ses chiffres dimanche.";
    const res = await put(paragraphs(inserted, P1, P2.replace("230.000", "280.000"), lastLine));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ revision: 2, anchored: 1, drifted: 1, orphaned: 1 });
    const after = new Map((await list()).map((a) => [a.id, a]));
    const text = (res.json.article as ArticleDto).text;

    const s = after.get(source.id)!;
    expect(s.anchor).toBe("anchored");
    expect(Array.from(text).slice(s.target.start!, s.target.end!).join("")).toBe("Selon les services britanniques 🇬🇧");
    expect(s.revision).toBe(2);

    const f = after.get(figure.id)!;
    expect(f.anchor).toBe("drifted");
    expect(f.target.exact).toBe("280.000 soldats ont été mobilisés");
    expect(f.version).toBe(figure.version + 1);

    const b = after.get(budget.id)!;
    expect(b).toMatchObject({ anchor: "orphaned", target: { start: null, end: null, exact: "six millions de roubles par jour" } });

    const history = await callRoute(historyRoute.GET, { token: reviewer.token, params: { id: figure.id } });
    const last = (history.json.items as { action: string; changes: { target: { from: { exact: string } } } }[]).at(-1)!;
    expect(last.action).toBe("reanchored");
    expect(last.changes.target.from.exact).toBe("230.000 soldats ont été mobilisés");
  });

  it("places annotations on the new text right after an edit, by position or by quote", async () => {
    const { article, put, annotate } = await setup();
    // Saved on revision 1: the server has seen that text.
    const figure = await annotate("230.000 soldats", "figure");
    const first = await put(paragraphs("Dernière minute : 🚢 la marine dément.", P1, P2, P3));
    expect(first.status).toBe(200);

    // A quote that only the new text has.
    expect(await annotate("Dernière minute")).toMatchObject({ revision: 2, target: { exact: "Dernière minute" } });

    const second = await put(paragraphs("Dernière minute : 🚢 la marine dément.", "Le Kremlin n’a pas réagi.", P1, P2, P3), 2);
    expect(second.status).toBe(200);
    const text = (second.json.article as ArticleDto).text;
    const codePoints = Array.from(text);
    const at = (exact: string) => {
      const start = Array.from(text.slice(0, text.indexOf(exact))).length;
      return { start, end: start + Array.from(exact).length };
    };

    // A quote both texts have, at other positions in the new one.
    const budget = await annotate("six millions de roubles");
    expect(budget).toMatchObject({ revision: 3, target: { ...at("six millions de roubles"), exact: "six millions de roubles" } });

    const byPosition = await callRoute(annotationsRoute.POST, {
      method: "POST",
      token: reviewer.token,
      params: { id: article.id },
      body: { kind: "claim", target: { ...at("Le Kremlin n’a pas réagi"), revision: 3 } },
    });
    expect(byPosition.status).toBe(201);
    expect(byPosition.json).toMatchObject({ revision: 3, target: { exact: "Le Kremlin n’a pas réagi" } });

    // Moving the old figure onto revision 3 positions lands where the reviewer pointed.
    const current = (await callRoute(annotationRoute.GET, { token: reviewer.token, params: { id: figure.id } })).json as unknown as AnnotationDto;
    const moved = await callRoute(annotationRoute.PATCH, {
      method: "PATCH",
      token: reviewer.token,
      params: { id: figure.id },
      body: { version: current.version, target: { ...at("45 bâtiments"), revision: 3 } },
    });
    expect(moved.status).toBe(200);
    const target = (moved.json as unknown as AnnotationDto).target;
    expect(codePoints.slice(target.start!, target.end!).join("")).toBe("45 bâtiments");
    expect(moved.json).toMatchObject({ revision: 3, version: current.version + 1 });
  });

  it("refuses a stale revision, an invalid document and a reviewer", async () => {
    const { article, put } = await setup();
    expect((await put(paragraphs("Nouveau texte."))).status).toBe(200);
    const stale = await put(paragraphs("Autre texte."), article.revision);
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe("revision_changed");
    const invalid = await put({ type: "doc", content: [{ type: "iframe", attrs: { src: "https://evil.example" } }] }, 2);
    expect(invalid.status).toBe(422);
    expect(invalid.json.error?.fields).toHaveProperty("content");
    const byReviewer = await callRoute(contentRoute.PUT, { method: "PUT", token: reviewer.token, params: { id: article.id }, body: { content: paragraphs("x"), revision: 2 } });
    expect(byReviewer.status).toBe(403);
  });

  it("lists revisions with their author and shows a readable diff between two", async () => {
    const { article, put } = await setup();
    await put(paragraphs(P1, P2.replace("230.000", "280.000"), P3));
    const list = await callRoute(revisionsRoute.GET, { token: reviewer.token, params: { id: article.id } });
    expect((list.json.items as { number: number; author: { id: string } }[]).map((r) => [r.number, r.author.id])).toEqual([
      [2, editor.id],
      [1, editor.id],
    ]);
    const diff = await callRoute(diffRoute.GET, { token: reviewer.token, params: { id: article.id }, query: { from: "1", to: "2" } });
    const parts = diff.json.parts as { op: string; text: string }[];
    expect(parts.filter((p) => p.op === "delete").map((p) => p.text)).toContain("230.000");
    expect(parts.filter((p) => p.op === "insert").map((p) => p.text)).toContain("280.000");
    const missing = await callRoute(diffRoute.GET, { token: reviewer.token, params: { id: article.id }, query: { from: "1", to: "9" } });
    expect(missing.status).toBe(422);
  });
});
