import { afterEach, describe, expect, it, vi } from "vitest";
import { annotationDto } from "@/lib/annotations/__fixtures__/annotation-dto";
import { ApiError } from "./api";
import { sendOutboxOp } from "./outbox-transport";
import type { OutboxOp } from "./outbox-types";

const ARTICLE = "a0000000-0000-4000-8000-000000000001";
const ID = "b0000000-0000-4000-8000-000000000002";

type Reply = { status: number; body?: unknown };

/** A fetch answering from a script, recording what was asked. */
function scriptedFetch(replies: Reply[]) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? "GET", body: init.body ? JSON.parse(String(init.body)) : undefined });
    const reply = replies.shift() ?? { status: 500 };
    return new Response(reply.status === 204 ? null : JSON.stringify(reply.body ?? {}), { status: reply.status });
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

const create: OutboxOp = {
  opId: "op1",
  attempts: 1,
  type: "create",
  annotationId: ID,
  body: { id: ID, kind: "claim", target: { start: 3, end: 9, revision: 1 } },
  preview: annotationDto({
    id: ID,
    articleId: ARTICLE,
    target: { start: 3, end: 9, exact: "Moscou", prefix: "🇷🇺 ", suffix: " affirme" },
    author: { id: "u1", name: "Rémi" },
  }),
};

describe("sendOutboxOp", () => {
  it("re-sends a create by its quote when the text was edited since the selection", async () => {
    const calls = scriptedFetch([
      { status: 409, body: { error: { code: "revision_changed", message: "The positions were computed on revision 1" } } },
      { status: 201, body: { id: ID, articleId: ARTICLE } },
    ]);
    const result = await sendOutboxOp(ARTICLE, create);
    expect(result.annotation?.id).toBe(ID);
    expect(calls.map((c) => c.body)).toEqual([
      create.type === "create" && create.body,
      { id: ID, kind: "claim", target: { exact: "Moscou", prefix: "🇷🇺 ", suffix: " affirme" } },
    ]);
  });

  it("takes the stored annotation when a retried create meets its own earlier try (id_conflict)", async () => {
    const calls = scriptedFetch([
      { status: 409, body: { error: { code: "id_conflict", message: "This id is already used" } } },
      { status: 200, body: { id: ID, articleId: ARTICLE, version: 1 } },
    ]);
    const result = await sendOutboxOp(ARTICLE, create);
    expect(result.annotation).toMatchObject({ id: ID, articleId: ARTICLE });
    expect(calls[1]).toMatchObject({ url: `/api/v1/annotations/${ID}`, method: "GET" });
  });

  it("counts a retried delete that finds nothing as done, but not a first one", async () => {
    scriptedFetch([{ status: 404, body: { error: { code: "not_found", message: "Annotation not found" } } }]);
    await expect(sendOutboxOp(ARTICLE, { opId: "d", attempts: 2, type: "delete", annotationId: ID })).resolves.toEqual({});
    scriptedFetch([{ status: 404, body: { error: { code: "not_found", message: "Annotation not found" } } }]);
    await expect(sendOutboxOp(ARTICLE, { opId: "d", attempts: 1, type: "delete", annotationId: ID })).rejects.toBeInstanceOf(ApiError);
  });

  it("sends an update with the version it was made on", async () => {
    const calls = scriptedFetch([{ status: 200, body: { id: ID, version: 5 } }]);
    await sendOutboxOp(ARTICLE, { opId: "u", attempts: 1, type: "update", annotationId: ID, version: 4, patch: { verdict: "false" } });
    expect(calls[0]).toEqual({ url: `/api/v1/annotations/${ID}`, method: "PATCH", body: { version: 4, verdict: "false" } });
  });
});
