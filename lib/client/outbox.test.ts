import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/annotations/types";
import { annotationDto } from "@/lib/annotations/__fixtures__/annotation-dto";
import { ApiError } from "./api";
import { Outbox, outboxKey, retryDelay } from "./outbox";
import { applyOutbox } from "./outbox-overlay";
import { memoryStorage } from "./outbox-storage";
import type { OutboxConflict, OutboxOp, OutboxRejection, SendResult } from "./outbox-types";

const ARTICLE = "7d1c9f8e-0000-4000-8000-000000000001";
const ME = { id: "u1", name: "Rémi" };

function dto(id: string, extra: Partial<AnnotationDto> = {}): AnnotationDto {
  return annotationDto({ id, articleId: ARTICLE, author: ME, target: { start: 0, end: 5, exact: "Baltique", prefix: "", suffix: "" }, ...extra });
}

type Outcome = SendResult | Error | ((op: OutboxOp) => SendResult | Error);

/** A transport answering from a script of outcomes (default: success echoing a version bump). */
function scriptedTransport(script: Outcome[] = []) {
  const sent: OutboxOp[] = [];
  const versions = new Map<string, number>();
  const transport = async (_article: string, op: OutboxOp): Promise<SendResult> => {
    sent.push(structuredClone(op));
    const next = script.shift();
    const outcome = typeof next === "function" ? next(op) : next;
    if (outcome instanceof Error) throw outcome;
    if (outcome) return outcome;
    const version = op.type === "update" ? op.version + 1 : (versions.get(op.annotationId) ?? 0) + 1;
    versions.set(op.annotationId, version);
    return op.type === "comment" || op.type === "delete" ? {} : { annotation: dto(op.annotationId, { version }) };
  };
  return { transport, sent };
}

/** Timers run only when the test says so. */
function manualTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    setTimer: (fn: () => void, ms: number) => {
      const timer = { fn, ms };
      pending.push(timer);
      return () => void pending.splice(pending.indexOf(timer), 1);
    },
    pending,
    async fire() {
      const timer = pending.shift();
      timer?.fn();
      await settle();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const offline = () => new TypeError("Failed to fetch");

let seq = 0;
const newId = () => `op-${++seq}`;

function makeOutbox(options: { script?: Outcome[]; storage?: ReturnType<typeof memoryStorage> } = {}) {
  const storage = options.storage ?? memoryStorage();
  const { transport, sent } = scriptedTransport(options.script);
  const timers = manualTimers();
  const confirmed: OutboxOp[] = [];
  const rejected: OutboxRejection[] = [];
  const conflicts: OutboxConflict[] = [];
  const outbox = new Outbox({
    articleId: ARTICLE,
    storage,
    transport,
    setTimer: timers.setTimer,
    random: () => 0.5,
    newId,
    listener: {
      onConfirmed: (op) => confirmed.push(op),
      onRejected: (r) => rejected.push(r),
      onConflict: (c) => conflicts.push(c),
    },
  });
  return { outbox, storage, sent, timers, confirmed, rejected, conflicts };
}

const create = (id: string) => ({ type: "create" as const, annotationId: id, body: { id, kind: "claim" as const, target: { start: 0, end: 5 } }, preview: dto(id) });

describe("Outbox", () => {
  it("keeps a change in storage until the server confirms it, so a reload sends it", async () => {
    const storage = memoryStorage();
    const first = makeOutbox({ storage, script: [offline()] });
    first.outbox.enqueue(create("a1"));
    await settle();
    expect(first.outbox.snapshot().status).toBe("failed");
    expect(JSON.parse(storage.getItem(outboxKey(ARTICLE))!).ops).toHaveLength(1);
    first.outbox.dispose(); // the tab is closed

    const second = makeOutbox({ storage });
    await second.outbox.flush();
    expect(second.sent.map((o) => [o.type, o.annotationId])).toEqual([["create", "a1"]]);
    // The retried create carries the same client id, so the server stores it once.
    expect(second.sent[0].type === "create" && second.sent[0].body.id).toBe("a1");
    expect(storage.getItem(outboxKey(ARTICLE))).toBeNull();
    expect(second.outbox.snapshot().status).toBe("idle");
  });

  it("coalesces successive updates of one annotation, but never a change already sent", async () => {
    const { outbox, sent, timers } = makeOutbox({ script: [offline()] });
    outbox.enqueue({ type: "update", annotationId: "a1", version: 3, patch: { note: "d" } });
    await settle(); // sent once, failed: it may have reached the server
    outbox.enqueue({ type: "update", annotationId: "a1", version: 3, patch: { note: "do" } });
    outbox.enqueue({ type: "update", annotationId: "a1", version: 3, patch: { note: "dou", status: "in_progress" } });
    outbox.enqueue({ type: "update", annotationId: "a1", version: 3, patch: { note: "double" } });
    expect(outbox.snapshot().ops.map((o) => (o.type === "update" ? o.patch : null))).toEqual([
      { note: "d" },
      { note: "double", status: "in_progress" },
    ]);
    await timers.fire();
    expect(sent.map((o) => (o.type === "update" ? [o.version, o.patch] : null))).toEqual([
      [3, { note: "d" }],
      [3, { note: "d" }],
      // Made on top of the first change: sent on the version the server gave it.
      [4, { note: "double", status: "in_progress" }],
    ]);
  });

  it("does not move a kind or source change ahead of changes to other annotations", () => {
    const { outbox } = makeOutbox({ script: [offline()] });
    outbox.enqueue(create("source"));
    outbox.enqueue({ type: "update", annotationId: "claim", version: 1, patch: { note: "x" } });
    outbox.enqueue(create("source2"));
    outbox.enqueue({ type: "update", annotationId: "claim", version: 1, patch: { sourceId: "source2" } });
    outbox.enqueue({ type: "update", annotationId: "claim", version: 1, patch: { note: "y" } });
    expect(outbox.snapshot().ops.map((o) => [o.type, o.annotationId])).toEqual([
      ["create", "source"],
      ["update", "claim"],
      ["create", "source2"],
      ["update", "claim"],
    ]);
    const last = outbox.snapshot().ops[3];
    expect(last.type === "update" && last.patch).toEqual({ sourceId: "source2", note: "y" });
  });

  it("retries in order with exponential backoff, and at once when asked (online)", async () => {
    const { outbox, sent, timers } = makeOutbox({ script: [offline(), offline(), new ApiError(503, "http_error", "down")] });
    outbox.enqueue(create("a1"));
    outbox.enqueue({ type: "update", annotationId: "a1", version: 1, patch: { status: "in_progress" } });
    outbox.enqueue({ type: "comment", annotationId: "a1", body: "Je vérifie", createdAt: "2026-11-22T10:00:00Z" });
    await settle();
    expect(timers.pending.map((t) => t.ms)).toEqual([1_000]);
    expect(outbox.snapshot()).toMatchObject({ status: "failed", failures: 1 });
    await timers.fire();
    expect(timers.pending.map((t) => t.ms)).toEqual([2_000]);
    // Back online: the retry happens now, not in two seconds (it meets a 503: backoff again).
    await outbox.retryNow();
    await settle();
    expect(timers.pending.map((t) => t.ms)).toEqual([2_000]);
    await timers.fire();
    expect(timers.pending).toHaveLength(0);
    expect(sent.map((o) => `${o.type}:${o.annotationId}`)).toEqual([
      "create:a1",
      "create:a1",
      "create:a1",
      "create:a1",
      "update:a1",
      "comment:a1",
    ]);
    expect(outbox.snapshot()).toMatchObject({ status: "idle", ops: [] });
  });

  it("drops a change the server refuses (4xx) and reports it; a refused create takes its later changes along", async () => {
    const invalid = new ApiError(422, "validation_failed", "Invalid request: target must cover some text", { target: "must cover some text" });
    const { outbox, rejected, sent } = makeOutbox({ script: [invalid] });
    outbox.enqueue(create("a1"));
    outbox.enqueue({ type: "update", annotationId: "a1", version: 1, patch: { note: "x" } });
    outbox.enqueue(create("a2"));
    await settle();
    await settle();
    expect(rejected.map((r) => [r.op.type, r.op.annotationId, r.code])).toEqual([
      ["create", "a1", "validation_failed"],
      ["update", "a1", "validation_failed"],
    ]);
    expect(rejected[0].fields).toEqual({ target: "must cover some text" });
    expect(sent.map((o) => `${o.type}:${o.annotationId}`)).toEqual(["create:a1", "create:a2"]);
    expect(outbox.snapshot().ops).toEqual([]);
  });

  it("parks a version conflict, with the unsent updates of the same annotation behind it, until the person chooses", async () => {
    const current = dto("a1", { version: 5, note: "theirs" });
    const conflictFor = (op: OutboxOp) =>
      op.type === "update" && op.annotationId === "a1" ? new ApiError(409, "version_conflict", "changed", {}, { current }) : { annotation: dto(op.annotationId, { version: 2 }) };
    const { outbox, conflicts, sent } = makeOutbox({ script: [offline(), conflictFor, conflictFor, conflictFor] });
    outbox.enqueue({ type: "update", annotationId: "a1", version: 4, patch: { note: "mine" } });
    await settle(); // offline: it waits
    outbox.enqueue({ type: "update", annotationId: "other", version: 1, patch: { note: "z" } });
    outbox.enqueue({ type: "update", annotationId: "a1", version: 4, patch: { verdict: "false" } });
    await outbox.retryNow();
    await settle();
    expect(conflicts).toEqual([{ annotationId: "a1", patch: { note: "mine", verdict: "false" }, current }]);
    expect(outbox.snapshot().conflicts).toEqual(conflicts);
    // The other annotation's change went through; nothing of a1 was sent on top of the stale version.
    expect(sent.map((o) => `${o.type}:${o.annotationId}`)).toEqual(["update:a1", "update:a1", "update:other"]);
    expect(outbox.snapshot().ops).toEqual([]);
  });

  it("re-sends the person's change on the current version when they keep theirs", async () => {
    const current = dto("a1", { version: 5, note: "theirs" });
    const { outbox, conflicts, sent } = makeOutbox({
      script: [(op) => (op.type === "update" && op.version === 4 ? new ApiError(409, "version_conflict", "changed", {}, { current }) : { annotation: dto("a1", { version: 6 }) })],
    });
    outbox.enqueue({ type: "update", annotationId: "a1", version: 4, patch: { note: "mine" } });
    await settle();
    expect(conflicts).toEqual([{ annotationId: "a1", patch: { note: "mine" }, current }]);
    expect(outbox.snapshot()).toMatchObject({ ops: [], status: "idle" });

    outbox.resolveConflict("a1", "mine");
    await settle();
    expect(sent.map((o) => (o.type === "update" ? [o.version, o.patch] : null))).toEqual([
      [4, { note: "mine" }],
      [5, { note: "mine" }],
    ]);
    expect(outbox.snapshot().conflicts).toEqual([]);
  });

  it("forgets a conflict when the person takes the other version", async () => {
    const current = dto("a1", { version: 5 });
    const { outbox, sent } = makeOutbox({ script: [new ApiError(409, "version_conflict", "changed", {}, { current })] });
    outbox.enqueue({ type: "update", annotationId: "a1", version: 4, patch: { note: "mine" } });
    await settle();
    outbox.resolveConflict("a1", "theirs");
    await settle();
    expect(sent).toHaveLength(1);
    expect(outbox.snapshot()).toMatchObject({ ops: [], conflicts: [] });
  });

  it("never sends an annotation that was created and deleted while offline; undoes an unsent delete", async () => {
    const { outbox, timers } = makeOutbox({ script: [offline()] });
    outbox.enqueue(create("blocker"));
    await settle();
    outbox.enqueue(create("a1"));
    outbox.enqueue({ type: "update", annotationId: "a1", version: 1, patch: { note: "x" } });
    outbox.enqueue({ type: "delete", annotationId: "a1" });
    expect(outbox.snapshot().ops.map((o) => o.annotationId)).toEqual(["blocker"]);

    outbox.enqueue({ type: "delete", annotationId: "blocker" });
    expect(outbox.cancelUnsentDelete("blocker")).toBe(true);
    expect(outbox.snapshot().ops.map((o) => o.type)).toEqual(["create"]);
    timers.pending.length = 0;
  });
});

describe("retryDelay", () => {
  it("doubles from one second to a minute", () => {
    expect([1, 2, 3, 4, 7, 20].map((n) => retryDelay(n, () => 0.5))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000]);
  });
});

describe("applyOutbox", () => {
  const ctx = { actor: ME, quote: (s: number, e: number) => "La marine russe".slice(s, e) };

  it("shows queued changes on top of the server state, in document order", () => {
    const server = [dto("a", { target: { start: 3, end: 9, exact: "marine", prefix: "", suffix: "" } }), dto("b", { version: 2 })];
    const ops: OutboxOp[] = [
      { opId: "1", attempts: 0, type: "create", annotationId: "c", body: { id: "c", kind: "figure", target: { start: 0, end: 2 } }, preview: dto("c", { kind: "figure", target: { start: 0, end: 2, exact: "La", prefix: "", suffix: "" } }) },
      { opId: "2", attempts: 0, type: "update", annotationId: "a", version: 1, patch: { verdict: "false", status: "in_review", target: { start: 3, end: 15 } } },
      { opId: "3", attempts: 0, type: "delete", annotationId: "b" },
    ];
    const shown = applyOutbox(server, ops, ctx);
    expect(shown.map((a) => a.id)).toEqual(["c", "a"]);
    expect(shown[1]).toMatchObject({ verdict: "false", verdictBy: ME, status: "in_review", target: { start: 3, end: 15, exact: "marine russe" } });
  });

  it("sends a verified annotation back to review when its verdict changes", () => {
    const verified = dto("a", { status: "verified", verdict: "accurate", signedOffBy: { id: "u2", name: "Rita" } });
    const [shown] = applyOutbox([verified], [{ opId: "1", attempts: 0, type: "update", annotationId: "a", version: 1, patch: { verdict: "false" } }], ctx);
    expect(shown).toMatchObject({ status: "in_review", verdict: "false", signedOffBy: null });
  });
});
