import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as streamRoute from "@/app/api/v1/stream/route";
import { addComment } from "@/lib/annotations/comments";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { assignReviewer } from "@/lib/dashboard/assign-reviewer";
import { db } from "@/lib/db";
import { currentArticleCursor } from "@/lib/live/article-cursor";
import { formatEventCursor } from "@/lib/live/event-cursor";
import { closeLiveListener, subscribeLive, type LiveSignal } from "@/lib/live/live-listener";
import { readArticleEvents } from "@/lib/live/read-article-events";
import type { LiveEvent } from "@/lib/live/types";
import { openSse, type SseConnection } from "./dashboard-sse-reader";
import { makeArticle, makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let reviewer: TestUser;
let reviewer2: TestUser;
const open: SseConnection[] = [];

beforeAll(async () => {
  [editor, reviewer, reviewer2] = await Promise.all([makeUser("EDITOR"), makeUser("REVIEWER", "Rémi Live"), makeUser("REVIEWER", "Rita Live")]);
});

afterAll(async () => {
  for (const c of open) c.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  await closeLiveListener();
});

const sse = async (...args: Parameters<typeof openSse>) => {
  const c = await openSse(...args);
  open.push(c);
  return c;
};

/** Collects live notifications until `until` says stop (or the time runs out). */
function collect(until: (signals: LiveSignal[]) => boolean, timeoutMs = 5_000) {
  const signals: LiveSignal[] = [];
  let stop: (() => void) | null = null;
  const done = new Promise<LiveSignal[]>((resolve) => {
    const timer = setTimeout(() => resolve(signals), timeoutMs);
    void subscribeLive((s) => {
      signals.push(s);
      if (until(signals)) {
        clearTimeout(timer);
        resolve(signals);
      }
    }).then((unsubscribe) => (stop = unsubscribe));
  });
  return { ready: new Promise((r) => setTimeout(r, 50)), done: done.finally(() => stop?.()) };
}

describe("live updates", () => {
  it("delivers a NOTIFY sent by a Prisma transaction to a listener, on commit only, ids only", async () => {
    const article = await makeArticle(editor);
    const unsubscribe = await subscribeLive(() => undefined);
    const listening = collect((s) => s.some((x) => x.t === "annotation" && x.a === article.id));
    await listening.ready;
    const { annotation } = await createAnnotation(reviewer, article.id, { kind: "claim", target: { exact: "La marine russe aurait doublé ses patrouilles" } });
    const signals = await listening.done;
    const mine = signals.filter((s): s is Extract<LiveSignal, { a: string }> => s.t !== "resync" && s.a === article.id);
    expect(mine).toHaveLength(1);
    const event = await db.annotationEvent.findFirstOrThrow({ where: { annotationId: annotation.id } });
    expect(mine[0]).toEqual({ t: "annotation", a: article.id, id: String(event.id) });

    // A transaction that rolls back notifies nobody.
    const quiet = collect(() => false, 600);
    await quiet.ready;
    await expect(
      db.$transaction(async (tx) => {
        await tx.annotationEvent.create({ data: { annotationId: annotation.id, articleId: article.id, actorId: reviewer.id, action: "updated", changes: {} } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await quiet.done).filter((s) => s.t !== "resync" && s.a === article.id)).toEqual([]);
    unsubscribe();
  });

  it("catches up from a last event id with exactly the events missed, in order", async () => {
    const article = await makeArticle(editor);
    const start = await currentArticleCursor(article.id);
    const { annotation: claim } = await createAnnotation(reviewer, article.id, { kind: "claim", target: { exact: "Selon les services britanniques" } });
    const { annotation: figure } = await createAnnotation(reviewer, article.id, { kind: "figure", target: { exact: "280.000 tonnes" } });
    await assignReviewer(editor, article.id, reviewer2.id);
    const verdict = await updateAnnotation(reviewer, claim.id, { version: claim.version, verdict: "misleading", status: "in_review" });
    await addComment(reviewer2, claim.id, "Je vérifie auprès de l’IISS.");
    await updateAnnotation(reviewer2, claim.id, { version: verdict.version, status: "verified" });

    const all = await readArticleEvents(article.id, start);
    expect(all.events.map((e) => [e.event.type, e.event.action])).toEqual([
      ["annotation", "created"],
      ["annotation", "created"],
      ["article", "assigned"],
      ["article", "status_changed"],
      ["annotation", "updated"],
      ["annotation", "commented"],
      ["annotation", "updated"],
    ]);
    const first = all.events[0].event as Extract<LiveEvent, { type: "annotation" }>;
    expect(first).toMatchObject({ annotationId: claim.id, actor: { id: reviewer.id, name: reviewer.name } });
    // The current state rides along, so a viewer need not fetch it.
    expect(first.annotation).toMatchObject({ id: claim.id, status: "verified", verdict: "misleading", signedOffBy: { id: reviewer2.id } });
    expect(all.events[1].event).toMatchObject({ annotationId: figure.id });

    // Disconnected after the third event: the rest, nothing else.
    const third = all.events[2].cursor;
    const rest = await readArticleEvents(article.id, third);
    expect(rest.events.map((e) => e.event.id)).toEqual(all.events.slice(3).map((e) => e.event.id));
    expect(formatEventCursor(rest.cursor)).toBe(formatEventCursor(all.cursor));
    expect((await readArticleEvents(article.id, all.cursor)).events).toEqual([]);

    // The same through the stream, resuming with the Last-Event-ID header.
    const stream = await sse(streamRoute.GET, {
      token: reviewer.token,
      query: { articleId: article.id, since: formatEventCursor(start) },
      headers: { "last-event-id": formatEventCursor(third) },
    });
    expect(stream.status).toBe(200);
    const ready = await stream.next((f) => f.event === "ready");
    expect(ready.id).toBe(formatEventCursor(third));
    const replayed: string[] = [];
    for (let i = 0; i < 4; i++) {
      const frame = await stream.next((f) => f.event === "annotation" || f.event === "article");
      replayed.push((frame.data as LiveEvent).id);
      expect(frame.id).toBe(formatEventCursor(all.events[3 + i].cursor));
    }
    expect(replayed).toEqual(all.events.slice(3).map((e) => e.event.id));
    expect((await stream.settle(300)).filter((f) => f.event === "annotation" || f.event === "article")).toEqual([]);
    stream.close();
  });

  it("streams a change made by someone else within a second, and who is viewing", async () => {
    const article = await makeArticle(editor);
    const first = await sse(streamRoute.GET, { token: reviewer.token, query: { articleId: article.id } });
    await first.next((f) => f.event === "ready");
    const alone = await first.next((f) => f.event === "presence");
    expect(alone.data).toEqual({ users: [{ id: reviewer.id, name: reviewer.name }] });

    const second = await sse(streamRoute.GET, { token: reviewer2.token, query: { articleId: article.id } });
    await second.next((f) => f.event === "ready");
    const both = await first.next((f) => f.event === "presence");
    expect((both.data as { users: { id: string }[] }).users.map((u) => u.id).sort()).toEqual([reviewer.id, reviewer2.id].sort());

    const { annotation } = await createAnnotation(reviewer2, article.id, { kind: "figure", target: { exact: "six millions de roubles" } });
    const committed = Date.now();
    const seen = await first.next((f) => f.event === "annotation", 3_000);
    expect(Date.now() - committed).toBeLessThan(1_000);
    expect(seen.data).toMatchObject({ type: "annotation", action: "created", annotationId: annotation.id, actor: { id: reviewer2.id }, annotation: { kind: "figure" } });

    second.close();
    const afterLeave = await first.next((f) => f.event === "presence", 3_000);
    expect(afterLeave.data).toEqual({ users: [{ id: reviewer.id, name: reviewer.name }] });
    expect(await db.articlePresence.count({ where: { articleId: article.id, userId: reviewer2.id } })).toBe(0);
    first.close();
  });

  it("refuses a bad cursor and an unknown article, and needs credentials", async () => {
    const article = await makeArticle(editor);
    expect((await sse(streamRoute.GET, { token: reviewer.token, query: { articleId: article.id, since: "yesterday" } })).status).toBe(400);
    expect((await sse(streamRoute.GET, { token: reviewer.token, query: { articleId: "0196a1b2-0000-7000-8000-000000000000" } })).status).toBe(404);
    expect((await sse(streamRoute.GET, { token: "nope" })).status).toBe(401);
  });

  it("misses nothing and repeats nothing while writers race a reader", async () => {
    const article = await makeArticle(editor);
    const { annotation } = await createAnnotation(reviewer, article.id, { kind: "claim", target: { exact: "Le budget atteindrait" } });
    let cursor = await currentArticleCursor(article.id);
    const seen: string[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const batch = await readArticleEvents(article.id, cursor);
        seen.push(...batch.events.map((e) => e.event.id));
        cursor = batch.cursor;
      }
    })();
    const users = [reviewer, reviewer2, editor];
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        addComment(users[i % users.length], annotation.id, `Commentaire ${i}`),
      ),
    );
    writing = false;
    await reader;
    const last = await readArticleEvents(article.id, cursor);
    seen.push(...last.events.map((e) => e.event.id));
    const comments = await db.annotationEvent.findMany({ where: { articleId: article.id, action: "commented" }, orderBy: { id: "asc" } });
    expect(seen).toEqual(comments.map((e) => `a${e.id}`));
  });
});
