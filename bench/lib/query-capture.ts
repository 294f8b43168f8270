/**
 * The SQL the app's own functions send, to EXPLAIN it afterwards. lib/db.ts creates its
 * PrismaClient on first use and keeps it on `globalThis.factmarkDb`; the benchmark puts
 * there, before anything else runs, a client configured like lib/db.ts's (same adapter, same
 * pool size, same `omit`) that also emits Prisma's `query` events. Recording is off unless a
 * `capture` is running, so timed runs pay only for an unused listener.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  durationMs: number;
}

let recording: CapturedQuery[] | null = null;
let disconnect: (() => Promise<void>) | null = null;

export function installQueryCapture(databaseUrl: string): void {
  if (disconnect) return;
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const client = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    if (!recording) return;
    let params: unknown[] = [];
    try {
      const parsed: unknown = JSON.parse(event.params);
      if (Array.isArray(parsed)) params = parsed;
    } catch {
      // Unparseable parameters: the query is kept, EXPLAIN will say what is missing.
    }
    recording.push({ sql: event.query, params, durationMs: event.duration });
  });
  const slot = globalThis as unknown as { factmarkDb?: unknown };
  if (slot.factmarkDb) throw new Error("lib/db.ts created its client before the benchmark could install its own");
  slot.factmarkDb = client;
  disconnect = () => client.$disconnect();
}

/** Runs `fn` and returns the queries it sent through the app's client. */
export async function captureQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const queries: CapturedQuery[] = [];
  recording = queries;
  try {
    return { result: await fn(), queries };
  } finally {
    recording = null;
  }
}

export async function disconnectCapture(): Promise<void> {
  await disconnect?.();
}
