import { beforeAll, describe, expect, it } from "vitest";
import * as articleRoute from "@/app/api/v1/articles/[id]/route";
import * as assignmentsRoute from "@/app/api/v1/articles/[id]/assignments/route";
import * as queueRoute from "@/app/api/v1/dashboard/queue/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { AwaitingFinding } from "@/lib/dashboard/awaiting-sign-off";
import type { QueueArticle } from "@/lib/dashboard/reviewer-queue";
import { verificationView } from "@/lib/dashboard/verification-view";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { makeArticle, makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;
let second: TestUser;

beforeAll(async () => {
  [editor, reviewer, second] = await Promise.all([makeUser("EDITOR"), makeUser("REVIEWER"), makeUser("REVIEWER")]);
});

const assign = (token: string, id: string, userId: string) => callRoute(assignmentsRoute.POST, { method: "POST", token, params: { id }, body: { userId } });
const unassign = (token: string, id: string, userId: string) => callRoute(assignmentsRoute.DELETE, { method: "DELETE", token, params: { id }, body: { userId } });
const patch = (id: string, body: unknown) => callRoute(articleRoute.PATCH, { method: "PATCH", token: editor.token, params: { id }, body });
const articleEvents = async (articleId: string) =>
  (await db.articleEvent.findMany({ where: { articleId }, orderBy: { id: "asc" } })).map((e) => ({ action: e.action, actorId: e.actorId, data: e.data }));

describe("assignment", () => {
  it("lets an editor assign a reviewer: the draft starts its review, and it is recorded", async () => {
    const article = await makeArticle(editor);
    const res = await assign(editor.token, article.id, reviewer.id);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ created: true, articleStatus: "in_review", assignment: { user: { id: reviewer.id, role: "REVIEWER" }, assignedBy: { id: editor.id } } });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("IN_REVIEW");
    expect(await articleEvents(article.id)).toEqual([
      expect.objectContaining({ action: "imported" }),
      { action: "assigned", actorId: editor.id, data: { user: { id: reviewer.id, name: reviewer.name } } },
      { action: "status_changed", actorId: editor.id, data: { from: "draft", to: "in_review", because: "assigned" } },
    ]);

    // Again: nothing changes (a retry is safe).
    const again = await assign(editor.token, article.id, reviewer.id);
    expect(again.status).toBe(200);
    expect(again.json.created).toBe(false);
    expect((await articleEvents(article.id)).length).toBe(3);

    // A second person; the article is already in review.
    expect((await assign(editor.token, article.id, second.id)).json).toMatchObject({ created: true, articleStatus: "in_review" });
    const listed = await callRoute(assignmentsRoute.GET, { token: reviewer.token, params: { id: article.id } });
    expect((listed.json.items as { user: { id: string } }[]).map((i) => i.user.id)).toEqual([reviewer.id, second.id]);

    const removed = await unassign(editor.token, article.id, second.id);
    expect(removed.status).toBe(204);
    expect((await unassign(editor.token, article.id, second.id)).status).toBe(204);
    expect((await articleEvents(article.id)).map((e) => e.action)).toEqual(["imported", "assigned", "status_changed", "assigned", "unassigned"]);
    expect(await db.articleAssignment.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("is for editors only, names a real active person, and waits for an approved article to be reopened", async () => {
    const article = await makeArticle(editor);
    expect((await assign(reviewer.token, article.id, second.id)).status).toBe(403);
    expect((await unassign(reviewer.token, article.id, second.id)).status).toBe(403);
    const unknown = await assign(editor.token, article.id, "0196a1b2-0000-7000-8000-000000000000");
    expect(unknown.status).toBe(422);
    expect(unknown.json.error?.fields).toHaveProperty("userId");
    expect((await assign(editor.token, article.id, "not-a-uuid")).status).toBe(422);
    expect((await assign(editor.token, "0196a1b2-0000-7000-8000-000000000000", second.id)).status).toBe(404);
    expect((await callRoute(assignmentsRoute.POST, { method: "POST", token: editor.token, params: { id: article.id }, body: { userId: second.id, role: "x" } })).status).toBe(422);
    expect(await db.articleAssignment.count({ where: { articleId: article.id } })).toBe(0);

    await assign(editor.token, article.id, reviewer.id);
    expect((await patch(article.id, { status: "approved" })).status).toBe(200);
    const locked = await assign(editor.token, article.id, second.id);
    expect(locked.status).toBe(409);
    expect(locked.json.error?.code).toBe("article_locked");
    // Taking someone off an approved article is allowed: it changes no finding.
    expect((await unassign(editor.token, article.id, reviewer.id)).status).toBe(204);
  });
});

describe("approval from the verification view", () => {
  it("approves without a reason once every claim and figure is verified, and reopening clears the approval", async () => {
    const article = await makeArticle(editor);
    const { annotation: claim } = await createAnnotation(reviewer, article.id, { kind: "claim", target: { exact: "Selon les services britanniques" }, verdict: "mostly_accurate", status: "in_review" });
    const { annotation: figure } = await createAnnotation(reviewer, article.id, { kind: "figure", target: { exact: "280.000 tonnes" }, verdict: "accurate", status: "in_review" });
    // A source left unverified does not hold the approval up.
    await createAnnotation(reviewer, article.id, { kind: "source", target: { exact: "cité par l’agence TASS" } });
    expect((await verificationView(editor, article.id)).pending).toBe(2);
    await updateAnnotation(second, claim.id, { version: claim.version, status: "verified" });
    expect((await verificationView(editor, article.id)).pending).toBe(1);
    const early = await patch(article.id, { status: "approved" });
    expect(early.status).toBe(422);
    expect(early.json.error?.fields?.reason).toMatch(/1 claim/);
    await updateAnnotation(second, figure.id, { version: figure.version, status: "verified" });

    const approved = await patch(article.id, { status: "approved" });
    expect(approved.status).toBe(200);
    const view = await verificationView(editor, article.id);
    expect(view).toMatchObject({ pending: 0, approval: { by: { id: editor.id }, override: null } });
    expect(view.approval.at).not.toBeNull();
    expect(view.annotations.filter((a) => a.signedOffBy?.id === second.id)).toHaveLength(2);

    const reopened = await patch(article.id, { status: "in_review", reason: "Le ministère a corrigé son chiffre." });
    expect(reopened.status).toBe(200);
    expect((await verificationView(editor, article.id)).approval).toEqual({ by: null, at: null, override: null });
    expect((await articleEvents(article.id)).slice(-2)).toEqual([
      { action: "approved", actorId: editor.id, data: { pending: 0, override: null } },
      { action: "reopened", actorId: editor.id, data: { reason: "Le ministère a corrigé son chiffre.", to: "in_review" } },
    ]);
  });

  it("records an override reason with the approval and its event", async () => {
    const article = await makeArticle(editor);
    await createAnnotation(reviewer, article.id, { kind: "figure", target: { exact: "15\u202f902 marins" } });
    const reason = "Publication urgente : le chiffre est sourcé par l’AFP.";
    expect((await patch(article.id, { status: "approved", reason })).status).toBe(200);
    expect((await verificationView(editor, article.id)).approval.override).toBe(reason);
    expect((await articleEvents(article.id)).at(-1)).toEqual({ action: "approved", actorId: editor.id, data: { pending: 1, override: reason } });
  });
});

describe("a reviewer's queue", () => {
  it("lists assigned open articles with what is left, and findings awaiting a second person's sign-off", async () => {
    const mine = await makeArticle(editor);
    const notMine = await makeArticle(editor);
    const done = await makeArticle(editor);
    for (const a of [mine, done]) await assign(editor.token, a.id, second.id);

    const { annotation: byOther } = await createAnnotation(reviewer, mine.id, { kind: "claim", target: { exact: "Selon les services britanniques" }, verdict: "false", status: "in_review" });
    const { annotation: byMe } = await createAnnotation(second, mine.id, { kind: "figure", target: { exact: "280.000 tonnes" }, verdict: "accurate", status: "in_review" });
    const { annotation: gone } = await createAnnotation(reviewer, mine.id, { kind: "figure", target: { exact: "15\u202f902 marins" }, verdict: "misleading", status: "in_review" });
    await deleteAnnotation(editor, gone.id);
    await createAnnotation(reviewer, mine.id, { kind: "claim", target: { exact: "Le budget atteindrait" } });
    const { annotation: elsewhere } = await createAnnotation(reviewer, notMine.id, { kind: "figure", target: { exact: "280.000 tonnes" }, verdict: "accurate", status: "in_review" });
    await patch(done.id, { status: "approved", reason: "Rien à vérifier ici." });

    const res = await callRoute(queueRoute.GET, { token: second.token });
    expect(res.status).toBe(200);
    const articles = res.json.articles as QueueArticle[];
    expect(articles.map((a) => a.id)).toEqual([mine.id]);
    expect(articles[0]).toMatchObject({ status: "in_review", left: { toSignOff: 3, unverified: 1, inReview: 2, orphaned: 0 } });
    const awaiting = res.json.awaitingSignOff as { items: AwaitingFinding[]; total: number };
    expect(awaiting.items.map((f) => f.id)).toEqual([byOther.id]);
    expect(awaiting.items[0]).toMatchObject({ articleId: mine.id, kind: "claim", verdict: "false", verdictBy: { id: reviewer.id } });
    expect(awaiting.total).toBe(1);

    const all = await callRoute(queueRoute.GET, { token: second.token, query: { scope: "all", limit: "200" } });
    const allIds = (all.json.awaitingSignOff as { items: AwaitingFinding[] }).items.map((f) => f.id);
    expect(allIds).toEqual(expect.arrayContaining([byOther.id, elsewhere.id]));
    expect(allIds).not.toContain(byMe.id);
    expect(allIds).not.toContain(gone.id);

    // The author of those verdicts waits for someone else: nothing for them on these articles.
    const authorQueue = await callRoute(queueRoute.GET, { token: reviewer.token, query: { scope: "all", limit: "200" } });
    const authorIds = (authorQueue.json.awaitingSignOff as { items: AwaitingFinding[] }).items.map((f) => f.id);
    expect(authorIds).toContain(byMe.id);
    expect(authorIds).not.toContain(byOther.id);
  });
});
