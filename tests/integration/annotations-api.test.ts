import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/v1/articles/[id]/annotations/route";
import * as annotationRoute from "@/app/api/v1/annotations/[id]/route";
import * as historyRoute from "@/app/api/v1/annotations/[id]/history/route";
import * as commentsRoute from "@/app/api/v1/annotations/[id]/comments/route";
import * as restoreRoute from "@/app/api/v1/annotations/[id]/restore/route";
import type { AnnotationDto, ArticleDto } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { codePointRange, makeArticle, makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;
let reviewer2: TestUser;
let article: ArticleDto;

const create = (token: string, body: unknown, articleId = article.id) =>
  callRoute(annotationsRoute.POST, { method: "POST", token, params: { id: articleId }, body });
const patch = (token: string, id: string, body: unknown) => callRoute(annotationRoute.PATCH, { method: "PATCH", token, params: { id }, body });
const eventCount = (annotationId?: string) => db.annotationEvent.count({ where: annotationId ? { annotationId } : { articleId: article.id } });

async function createClaim(user: TestUser, exact = "La marine russe aurait doublé ses patrouilles 🇷🇺 en mer Baltique") {
  const res = await create(user.token, { kind: "claim", target: codePointRange(article.text, exact) });
  expect(res.status).toBe(201);
  return res.json as unknown as AnnotationDto;
}

beforeAll(async () => {
  [editor, reviewer, reviewer2] = await Promise.all([makeUser("EDITOR"), makeUser("REVIEWER"), makeUser("REVIEWER")]);
  article = await makeArticle(editor);
});

describe("creating annotations", () => {
  it("creates from code point positions past an emoji and writes its event", async () => {
    const exact = "cité par l’agence TASS";
    const range = codePointRange(article.text, exact);
    const res = await create(reviewer.token, { kind: "source", target: { ...range, revision: article.revision } });
    expect(res.status).toBe(201);
    const a = res.json as unknown as AnnotationDto;
    expect(a.target).toMatchObject({ ...range, exact });
    expect(a.target.prefix).toBe(" affirmé dimanche le ministère, ");
    expect(Array.from(a.target.prefix)).toHaveLength(32);
    expect(a).toMatchObject({ kind: "source", status: "unverified", verdict: null, anchor: "anchored", version: 1, author: { id: reviewer.id } });
    expect(await eventCount(a.id)).toBe(1);
  });

  it("resolves a quote, using its context when it occurs twice", async () => {
    const res = await create(reviewer.token, { kind: "figure", target: { exact: "280.000 tonnes" } });
    expect(res.status).toBe(201);
    expect((res.json as unknown as AnnotationDto).target).toMatchObject(codePointRange(article.text, "280.000 tonnes"));

    const missing = await create(reviewer.token, { kind: "figure", target: { exact: "300.000 tonnes" } });
    expect(missing.status).toBe(422);
    expect(missing.json.error?.code).toBe("quote_not_found");

    const ambiguous = await create(reviewer.token, { kind: "claim", target: { exact: "en" } });
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.json.error?.code).toBe("quote_ambiguous");
  });

  it("matches a quote typed with plain spaces and apostrophes", async () => {
    const res = await create(reviewer.token, { kind: "figure", target: { exact: "6 % du PIB" } });
    expect(res.status).toBe(201);
    expect((res.json as unknown as AnnotationDto).target.exact).toBe("6\u00a0% du PIB");
  });

  it("is idempotent on a client id: same body 200, other body 409 id_conflict", async () => {
    const id = randomUUID();
    const body = { id, kind: "figure", target: codePointRange(article.text, "45 bâtiments") };
    const first = await create(reviewer.token, body);
    const again = await create(reviewer.token, body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(id);
    expect(await db.annotation.count({ where: { id } })).toBe(1);
    const other = await create(reviewer.token, { ...body, kind: "claim" });
    expect(other.status).toBe(409);
    expect(other.json.error?.code).toBe("id_conflict");
  });

  it("lands exactly once when the same create is retried concurrently", async () => {
    const id = randomUUID();
    const body = { id, kind: "claim", target: codePointRange(article.text, "six millions de roubles") };
    const results = await Promise.all([1, 2, 3, 4].map(() => create(reviewer.token, body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(await db.annotation.count({ where: { id } })).toBe(1);
  });

  it.each([
    [{ kind: "claim", target: { start: -1, end: 4 } }, "target.start"],
    [{ kind: "claim", target: { start: 10, end: 4 } }, "target.end"],
    [{ kind: "claim", target: { start: 4, end: 4 } }, "target.end"],
    [{ kind: "claim", target: { start: 0, end: 1_000_000 } }, "target.end"],
    [{ kind: "claim", target: { exact: "" } }, "target.exact"],
    [{ kind: "opinion", target: { start: 0, end: 4 } }, "kind"],
    [{ kind: "claim", status: "done", target: { start: 0, end: 4 } }, "status"],
    [{ kind: "claim", verdict: "pants_on_fire", target: { start: 0, end: 4 } }, "verdict"],
    [{ kind: "claim", target: { start: 0, end: 4 }, evidence: [{ url: "javascript:alert(1)" }] }, "evidence.0.url"],
    [{ kind: "claim", target: { start: 0, end: 4 }, note: "x".repeat(10_001) }, "note"],
    [{ kind: "claim", target: { start: 0, end: 4 }, colour: "red" }, "colour"],
  ])("refuses a bad request with 422 naming the field (case %#), writing nothing", async (body, field) => {
    const before = await eventCount();
    const res = await create(reviewer.token, body);
    expect(res.status).toBe(422);
    expect(res.json.error?.code).toBe("validation_failed");
    expect(Object.keys(res.json.error?.fields ?? {})).toContain(field);
    expect(await eventCount()).toBe(before);
  });

  it("answers 400 to malformed JSON, 401 without credentials, 404 for unknown articles", async () => {
    const malformed = await callRoute(annotationsRoute.POST, { method: "POST", token: reviewer.token, params: { id: article.id }, body: "{kind: claim" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error?.code).toBe("malformed_json");
    const anonymous = await callRoute(annotationsRoute.POST, { method: "POST", params: { id: article.id }, body: {} });
    expect(anonymous.status).toBe(401);
    const badToken = await callRoute(annotationsRoute.GET, { token: "fm_nope", params: { id: article.id } });
    expect(badToken.status).toBe(401);
    const unknown = await create(reviewer.token, { kind: "claim", target: { start: 0, end: 4 } }, randomUUID());
    expect(unknown.status).toBe(404);
    const notAnId = await create(reviewer.token, { kind: "claim", target: { start: 0, end: 4 } }, "../etc");
    expect(notAnId.status).toBe(404);
  });

  it("answers 409 revision_changed when positions were computed on another revision", async () => {
    const res = await create(reviewer.token, { kind: "claim", target: { start: 0, end: 4, revision: article.revision + 1 } });
    expect(res.status).toBe(409);
    expect(res.json.error?.code).toBe("revision_changed");
  });

  it("answers 413 to a body over the limit", async () => {
    const res = await create(reviewer.token, { kind: "claim", target: { start: 0, end: 4 }, note: "x".repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(res.json.error?.code).toBe("too_large");
  });
});

describe("updating annotations", () => {
  it("bumps the version, and a stale version gets 409 with the current state", async () => {
    const a = await createClaim(reviewer);
    const first = await patch(reviewer.token, a.id, { version: 1, status: "in_progress", note: "à vérifier" });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ version: 2, status: "in_progress", note: "à vérifier" });
    const stale = await patch(reviewer2.token, a.id, { version: 1, note: "écrase" });
    expect(stale.status).toBe(409);
    expect(stale.json.error?.code).toBe("version_conflict");
    expect(stale.json.current).toMatchObject({ id: a.id, version: 2, note: "à vérifier" });
  });

  it("lets exactly one of two concurrent PATCHes on the same version win", async () => {
    const a = await createClaim(reviewer);
    const results = await Promise.all([
      patch(reviewer.token, a.id, { version: 1, note: "first" }),
      patch(reviewer2.token, a.id, { version: 1, note: "second" }),
      patch(editor.token, a.id, { version: 1, note: "third" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200)!;
    const row = await db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.note).toBe(winner.json.note);
    expect(row.version).toBe(2);
    expect(await db.annotationEvent.count({ where: { annotationId: a.id, action: "updated" } })).toBe(1);
  });

  it("enforces the sign-off rule", async () => {
    const a = await createClaim(reviewer);
    const noVerdict = await patch(reviewer2.token, a.id, { version: 1, status: "verified" });
    expect(noVerdict.status).toBe(422);
    expect(noVerdict.json.error?.code).toBe("verdict_required");

    const verdict = await patch(reviewer.token, a.id, { version: 1, verdict: "false", status: "in_review", rationale: "Aucune source ne confirme." });
    expect(verdict.json).toMatchObject({ verdict: "false", status: "in_review", verdictBy: { id: reviewer.id } });

    const self = await patch(reviewer.token, a.id, { version: 2, status: "verified" });
    expect(self.status).toBe(403);
    expect(self.json.error?.code).toBe("self_signoff");

    const signed = await patch(reviewer2.token, a.id, { version: 2, status: "verified" });
    expect(signed.status).toBe(200);
    expect(signed.json).toMatchObject({ status: "verified", signedOffBy: { id: reviewer2.id } });

    // A new finding on a verified annotation needs a new sign-off.
    const changed = await patch(editor.token, a.id, { version: 3, verdict: "misleading" });
    expect(changed.json).toMatchObject({ status: "in_review", verdict: "misleading", signedOffBy: null, verdictBy: { id: editor.id } });
  });

  it("lets a source with a rationale be verified by someone else", async () => {
    const res = await create(reviewer.token, { kind: "source", target: { exact: "Selon les services britanniques" }, rationale: "Communiqué du ministère britannique." });
    const a = res.json as unknown as AnnotationDto;
    expect((await patch(reviewer.token, a.id, { version: 1, status: "verified" })).json.error?.code).toBe("self_signoff");
    expect((await patch(reviewer2.token, a.id, { version: 1, status: "verified" })).status).toBe(200);
  });

  it("lets any reviewer verify but only the author or an editor change the kind or delete", async () => {
    const a = await createClaim(reviewer);
    const kind = await patch(reviewer2.token, a.id, { version: 1, kind: "figure" });
    expect(kind.status).toBe(403);
    expect(kind.json.error?.code).toBe("forbidden");
    const del = await callRoute(annotationRoute.DELETE, { method: "DELETE", token: reviewer2.token, params: { id: a.id } });
    expect(del.status).toBe(403);
    expect((await patch(reviewer2.token, a.id, { version: 1, status: "in_progress" })).status).toBe(200);
    expect((await patch(editor.token, a.id, { version: 2, kind: "figure" })).json.kind).toBe("figure");
  });

  it("links a claim to a source and refuses a link to a non-source", async () => {
    const claim = await createClaim(reviewer);
    const src = (await create(reviewer.token, { kind: "source", target: { exact: "Selon les services britanniques" } })).json as unknown as AnnotationDto;
    const linked = await patch(reviewer.token, claim.id, { version: 1, sourceId: src.id });
    expect(linked.json.sourceId).toBe(src.id);
    const other = await createClaim(reviewer);
    const bad = await patch(reviewer.token, claim.id, { version: 2, sourceId: other.id });
    expect(bad.status).toBe(422);
    expect(bad.json.error?.fields).toHaveProperty("sourceId");
  });

  it("moves a target and keeps evidence and comments attached", async () => {
    const a = await createClaim(reviewer);
    await patch(reviewer.token, a.id, { version: 1, evidence: [{ url: "https://www.iiss.org/", title: "IISS" }] });
    await callRoute(commentsRoute.POST, { method: "POST", token: reviewer2.token, params: { id: a.id }, body: { body: "Source ?" } });
    const moved = await patch(reviewer.token, a.id, { version: 2, target: codePointRange(article.text, "La marine russe aurait doublé ses patrouilles") });
    expect(moved.json).toMatchObject({ target: { exact: "La marine russe aurait doublé ses patrouilles" }, evidence: [{ url: "https://www.iiss.org/" }] });
    const comments = await callRoute(commentsRoute.GET, { token: reviewer.token, params: { id: a.id } });
    expect((comments.json.items as unknown[]).length).toBe(1);
  });

  it("replaces the evidence list as a whole, and empties it", async () => {
    const a = await createClaim(reviewer);
    const first = [{ url: "https://www.iiss.org/", title: "IISS" }, { url: "https://tass.ru/", title: "TASS" }];
    expect((await patch(reviewer.token, a.id, { version: 1, evidence: first })).json).toMatchObject({ evidence: first });
    const second = [{ url: "https://www.gov.uk/", title: "MoD", quote: "45 bâtiments" }];
    const replaced = await patch(reviewer.token, a.id, { version: 2, evidence: second });
    expect(replaced.json).toMatchObject({ version: 3, evidence: second });
    expect(await db.evidence.count({ where: { annotationId: a.id } })).toBe(1);
    const emptied = await patch(reviewer.token, a.id, { version: 3, evidence: [] });
    expect(emptied.json).toMatchObject({ version: 4, evidence: [] });
    expect(await db.evidence.count({ where: { annotationId: a.id } })).toBe(0);
  });
});

describe("deleting, history and comments", () => {
  it("soft-deletes, keeps the history, and restores", async () => {
    const a = await createClaim(reviewer);
    await patch(reviewer.token, a.id, { version: 1, verdict: "accurate" });
    const del = await callRoute(annotationRoute.DELETE, { method: "DELETE", token: reviewer.token, params: { id: a.id } });
    expect(del.status).toBe(204);
    const list = await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: article.id } });
    expect((list.json.items as AnnotationDto[]).some((x) => x.id === a.id)).toBe(false);
    expect((await callRoute(annotationRoute.GET, { token: reviewer.token, params: { id: a.id } })).status).toBe(404);

    const history = await callRoute(historyRoute.GET, { token: reviewer.token, params: { id: a.id } });
    const items = history.json.items as { action: string; actor: { id: string }; changes: Record<string, { from: unknown; to: unknown }> }[];
    expect(items.map((i) => i.action)).toEqual(["created", "updated", "deleted"]);
    expect(items[1].changes.verdict).toEqual({ from: null, to: "accurate" });
    expect(items[2].actor.id).toBe(reviewer.id);

    const restored = await callRoute(restoreRoute.POST, { method: "POST", token: reviewer.token, params: { id: a.id } });
    expect(restored.status).toBe(200);
    const again = await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: article.id } });
    expect((again.json.items as AnnotationDto[]).some((x) => x.id === a.id)).toBe(true);
  });

  it("lists annotations in document order and filters by kind", async () => {
    const res = await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: article.id }, query: { kind: "figure" } });
    const items = res.json.items as AnnotationDto[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.kind === "figure")).toBe(true);
    const starts = items.map((i) => i.target.start ?? Infinity);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    const bad = await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: article.id }, query: { kind: "rumour" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe("bad_parameter");
  });

  it("records comments with author and time, and refuses empty ones", async () => {
    const a = await createClaim(reviewer);
    const ok = await callRoute(commentsRoute.POST, { method: "POST", token: reviewer2.token, params: { id: a.id }, body: { body: "Vérifié auprès de l’AFP." } });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ body: "Vérifié auprès de l’AFP.", author: { id: reviewer2.id } });
    const empty = await callRoute(commentsRoute.POST, { method: "POST", token: reviewer2.token, params: { id: a.id }, body: { body: "  " } });
    expect(empty.status).toBe(422);
    expect(empty.json.error?.fields).toHaveProperty("body");
  });

  it("makes a retried comment idempotent by its client id, and refuses the id reused for another", async () => {
    const a = await createClaim(reviewer);
    const id = randomUUID();
    const send = (body: string, token = reviewer2.token, annotationId = a.id) =>
      callRoute(commentsRoute.POST, { method: "POST", token, params: { id: annotationId }, body: { id, body } });
    // Two tries at once (the first answer lost, the outbox retrying) and one later.
    const [first, second] = await Promise.all([send("Chiffre confirmé par l’Insee."), send("Chiffre confirmé par l’Insee.")]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.json.id).toBe(id);
    expect(second.json.id).toBe(id);
    expect((await send("Chiffre confirmé par l’Insee.")).status).toBe(200);
    const list = await callRoute(commentsRoute.GET, { token: reviewer.token, params: { id: a.id } });
    expect((list.json.items as { id: string }[]).map((c) => c.id)).toEqual([id]);
    const events = await db.annotationEvent.count({ where: { annotationId: a.id, action: "commented" } });
    expect(events).toBe(1);

    const otherBody = await send("Autre chose");
    expect(otherBody.status).toBe(409);
    expect(otherBody.json.error?.code).toBe("id_conflict");
    expect((await send("Chiffre confirmé par l’Insee.", reviewer.token)).status).toBe(409);
    const notUuid = await callRoute(commentsRoute.POST, { method: "POST", token: reviewer2.token, params: { id: a.id }, body: { id: "c-1", body: "x" } });
    expect(notUuid.status).toBe(422);
    expect(notUuid.json.error?.fields).toHaveProperty("id");
  });
});
