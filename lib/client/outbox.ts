/**
 * The browser outbox (DESIGN.md, "Saving: nothing is lost"). Every annotation change is
 * written to storage before it is sent and leaves storage only when the server has
 * confirmed or refused it, so a reload, a closed tab or a network cut loses nothing.
 * Changes are sent one at a time, in order; failures are retried with exponential backoff.
 */
import { ApiError } from "./api";
import { confirmHead, dropRejected, enqueueOp, parkConflict, type QueueState } from "./outbox-queue";
import type {
  AnnotationPatch,
  NewOp,
  OutboxConflict,
  OutboxListener,
  OutboxOp,
  OutboxSnapshot,
  OutboxStatus,
  OutboxStorage,
  OutboxTransport,
} from "./outbox-types";
import type { AnnotationDto } from "@/lib/annotations/types";

/** Runs `task` while holding the named lock (one tab at a time sends an article's changes). */
export type LockRunner = <T>(name: string, task: () => Promise<T>) => Promise<T>;

export interface OutboxOptions {
  articleId: string;
  storage: OutboxStorage;
  transport: OutboxTransport;
  listener?: OutboxListener;
  lock?: LockRunner;
  /** Schedules a retry; returns a cancel function. Tests pass a fake clock. */
  setTimer?: (fn: () => void, ms: number) => () => void;
  random?: () => number;
  newId?: () => string;
}

export const outboxKey = (articleId: string) => `factmark:outbox:${articleId}`;

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/** Delay before retry number `failures` (1, 2, …): doubling from 1 s up to a minute, ±20 % so tabs do not retry in step. */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** What to do about a failed send. */
function classify(error: unknown): "retry" | "conflict" | "reject" {
  if (!(error instanceof ApiError)) return "retry"; // the network, not the server
  if (error.status === 409 && error.code === "version_conflict" && error.body.current) return "conflict";
  // Signed out, overloaded, timed out or broken: the change is fine, try again later.
  if (error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500) return "retry";
  return "reject";
}

function inProcessLock(): LockRunner {
  const tails = new Map<string, Promise<unknown>>();
  return (name, task) => {
    const run = (tails.get(name) ?? Promise.resolve()).then(task, task);
    tails.set(name, run.catch(() => undefined));
    return run;
  };
}

export class Outbox {
  private status: OutboxStatus = "idle";
  private failures = 0;
  private lastError: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private cancelTimer: (() => void) | null = null;
  private disposed = false;
  private readonly lock: LockRunner;

  constructor(private readonly options: OutboxOptions) {
    this.lock = options.lock ?? inProcessLock();
  }

  get key() {
    return outboxKey(this.options.articleId);
  }

  snapshot(): OutboxSnapshot {
    const { ops, conflicts } = this.read();
    return { ops, conflicts, status: this.status, failures: this.failures, lastError: this.lastError };
  }

  enqueue(change: NewOp): OutboxOp {
    const op = { ...change, opId: this.newId(), attempts: 0 } as OutboxOp;
    this.mutate((state) => ({ ...state, ops: enqueueOp(state.ops, op) }));
    void this.flush();
    return op;
  }

  /** Undo of a delete that has not been sent yet: it is simply taken back. */
  cancelUnsentDelete(annotationId: string): boolean {
    const { ops } = this.read();
    const index = ops.findLastIndex((o) => o.annotationId === annotationId);
    const last = ops[index];
    if (!last || last.type !== "delete" || last.attempts > 0) return false;
    this.mutate((state) => ({ ...state, ops: state.ops.filter((o) => o.opId !== last.opId) }));
    return true;
  }

  /** The person chose in a version conflict: send their change again on the current version, or drop it. */
  resolveConflict(annotationId: string, choice: "mine" | "theirs", patch?: AnnotationPatch): void {
    const conflict = this.read().conflicts.find((c) => c.annotationId === annotationId);
    if (!conflict) return;
    this.mutate((state) => ({ ...state, conflicts: state.conflicts.filter((c) => c.annotationId !== annotationId) }));
    if (choice === "mine") {
      this.enqueue({ type: "update", annotationId, version: conflict.current.version, patch: patch ?? conflict.patch });
    }
  }

  /** Sends what is queued now (on load, on `online`, after a change). Reports the queue at once. */
  flush(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.emit();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.running = this.lock(`factmark-outbox:${this.options.articleId}`, () => this.drain()).finally(() => {
      this.running = null;
      if (this.again && !this.disposed && this.status !== "failed") {
        this.again = false;
        void this.flush();
      }
      this.again = false;
    });
    return this.running;
  }

  /** Retry now instead of waiting for the backoff (the browser came back online). */
  retryNow(): Promise<void> {
    this.failures = Math.min(this.failures, 1);
    if (this.status === "failed") this.status = "saving";
    return this.flush();
  }

  dispose() {
    this.disposed = true;
    this.cancelTimer?.();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.disposed) return;
      const head = this.read().ops[0];
      if (!head) {
        this.status = "idle";
        this.failures = 0;
        this.lastError = null;
        this.emit();
        return;
      }
      this.status = this.failures > 0 ? "failed" : "saving";
      // Counted before sending: from here on the server may hold this change.
      this.mutate((state) => ({ ...state, ops: state.ops.map((o) => (o.opId === head.opId ? { ...o, attempts: o.attempts + 1 } : o)) }));
      const sent = { ...head, attempts: head.attempts + 1 } as OutboxOp;
      try {
        const result = await this.options.transport(this.options.articleId, sent);
        this.failures = 0;
        this.lastError = null;
        this.status = "saving";
        this.options.listener?.onConfirmed?.(sent, result);
        this.mutate((state) => ({ ...state, ops: confirmHead(state.ops, head.opId, result.annotation) }));
      } catch (error) {
        const outcome = classify(error);
        if (outcome === "retry") {
          this.failures += 1;
          this.status = "failed";
          this.lastError = error instanceof Error ? error.message : String(error);
          this.emit();
          this.scheduleRetry();
          return;
        }
        const apiError = error as ApiError;
        if (outcome === "conflict") {
          let conflict: OutboxConflict | undefined;
          this.mutate((state) => {
            const parked = parkConflict(state, sent, apiError.body.current as AnnotationDto);
            conflict = parked.conflict;
            return parked.state;
          });
          if (conflict) this.options.listener?.onConflict?.(conflict);
        } else {
          let dropped: OutboxOp[] = [];
          this.mutate((state) => {
            const result = dropRejected(state.ops, sent);
            dropped = result.dropped;
            return { ...state, ops: result.ops };
          });
          const rejection = { status: apiError.status, code: apiError.code, message: apiError.message, fields: apiError.fields };
          for (const op of dropped) this.options.listener?.onRejected?.({ op: op.opId === sent.opId ? sent : op, ...rejection });
        }
      }
    }
  }

  private scheduleRetry() {
    const setTimer = this.options.setTimer ?? ((fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    });
    this.cancelTimer?.();
    this.cancelTimer = setTimer(() => {
      this.cancelTimer = null;
      void this.flush();
    }, retryDelay(this.failures, this.options.random));
  }

  private newId(): string {
    return this.options.newId?.() ?? crypto.randomUUID();
  }

  private read(): QueueState {
    const raw = this.options.storage.getItem(this.key);
    if (!raw) return { ops: [], conflicts: [] };
    try {
      const parsed = JSON.parse(raw) as Partial<QueueState>;
      return { ops: parsed.ops ?? [], conflicts: parsed.conflicts ?? [] };
    } catch {
      return { ops: [], conflicts: [] };
    }
  }

  private mutate(change: (state: QueueState) => QueueState) {
    const next = change(this.read());
    if (next.ops.length === 0 && next.conflicts.length === 0) this.options.storage.removeItem(this.key);
    else this.options.storage.setItem(this.key, JSON.stringify(next));
    this.emit();
  }

  private emit() {
    this.options.listener?.onChange?.(this.snapshot());
  }
}
