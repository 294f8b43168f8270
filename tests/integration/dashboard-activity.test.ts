import { beforeAll, describe, expect, it } from "vitest";
import * as activityRoute from "@/app/api/v1/activity/route";
import * as articleActivityRoute from "@/app/api/v1/articles/[id]/activity/route";
import { addComment } from "@/lib/annotations/comments";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { updateArticle } from "@/lib/articles/update-article";
import { activityFeed } from "@/lib/dashboard/activity-feed";
import type { ActivityItem } from "@/lib/dashboard/activity-item";
import { assignReviewer } from "@/lib/dashboard/assign-reviewer";
import { callRoute } from "./support/call-route";
import { makeArticle, makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;
let second: TestUser;

beforeAll(async () => {
  [editor, reviewer, second] = await Promise.all([makeUser("EDITOR", "Élise Feed"), makeUser("REVIEWER", "Rémi Feed"), makeUser("REVIEWER", "Rita Feed")]);
});

describe("activity feed", () => {
  it("tells who did what, newest first, linked to the annotation or the article", async () => {
    const article = await makeArticle(editor);
    await assignReviewer(editor, article.id, reviewer.id);
    const { annotation: claim } = await createAnnotation(reviewer, article.id, { kind: "claim", target: { exact: "La marine russe aurait doublé ses patrouilles" } });
    const judged = await updateAnnotation(reviewer, claim.id, { version: claim.version, verdict: "misleading", status: "in_review", rationale: "Hausse de 30 %." });
    await addComment(second, claim.id, "D’accord, je valide.");
    await updateAnnotation(second, claim.id, { version: judged.version, status: "verified" });
    const { annotation: figure } = await createAnnotation(second, article.id, { kind: "figure", target: { exact: "280.000 tonnes" } });
    await deleteAnnotation(editor, figure.id);
    await updateArticle(editor, article.id, { status: "approved" });

    const res = await callRoute(articleActivityRoute.GET, { token: reviewer.token, params: { id: article.id } });
    expect(res.status).toBe(200);
    const items = res.json.items as ActivityItem[];
    expect(items.map((i) => [i.source, i.action, i.actor.name])).toEqual([
      ["article", "approved", editor.name],
      ["annotation", "deleted", editor.name],
      ["annotation", "created", second.name],
      ["annotation", "updated", second.name],
      ["annotation", "commented", second.name],
      ["annotation", "updated", reviewer.name],
      ["annotation", "created", reviewer.name],
      ["article", "status_changed", editor.name],
      ["article", "assigned", editor.name],
      ["article", "imported", editor.name],
    ]);
    const signOff = items[3];
    expect(signOff).toMatchObject({
      article: { id: article.id, title: article.title },
      annotation: { id: claim.id, kind: "claim", exact: "La marine russe aurait doublé ses patrouilles" },
      href: `/articles/${article.id}?annotation=${claim.id}`,
      changes: { status: { from: "in_review", to: "verified" }, signedOffBy: { from: null, to: { id: second.id, name: second.name } } },
    });
    expect(items[4].changes).toMatchObject({ body: "D’accord, je valide." });
    expect(items[0]).toMatchObject({ href: `/articles/${article.id}`, annotation: null, changes: { pending: 0 } });
    expect(items[8].changes).toEqual({ user: { id: reviewer.id, name: reviewer.name } });
    for (let i = 1; i < items.length; i++) expect(items[i - 1].at >= items[i].at).toBe(true);
    expect(res.json.nextCursor).toBeNull();

    // Page by page, one item at a time (several events share a timestamp): the same list, no gaps, no repeats.
    const paged: string[] = [];
    let before: string | undefined;
    do {
      const page = await activityFeed(reviewer, { articleId: article.id, limit: 1, before });
      paged.push(...page.items.map((i) => i.id));
      before = page.nextCursor ?? undefined;
    } while (before);
    expect(paged).toEqual(items.map((i) => i.id));

    // The global feed has the same events in the same order, among everyone else's.
    const global = await callRoute(activityRoute.GET, { token: reviewer.token, query: { limit: "200" } });
    const globalIds = (global.json.items as ActivityItem[]).map((i) => i.id);
    const mine = new Set(items.map((i) => i.id));
    expect(globalIds.filter((id) => mine.has(id))).toEqual(items.map((i) => i.id));
  });

  it("answers 404 for an unknown article and 400 for a cursor it did not make", async () => {
    expect((await callRoute(articleActivityRoute.GET, { token: reviewer.token, params: { id: "0196a1b2-0000-7000-8000-000000000000" } })).status).toBe(404);
    const bad = await callRoute(activityRoute.GET, { token: reviewer.token, query: { before: "yesterday" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.fields).toHaveProperty("before");
    expect((await callRoute(activityRoute.GET, { query: {} })).status).toBe(401);
  });
});
