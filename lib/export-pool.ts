import pg from "pg";
import { AppError } from "@/lib/api/errors";

/**
 * The streamed exports' own small pool of PostgreSQL connections, apart from the app's Prisma
 * pool: an export holds its connections (inside one read-only snapshot) for as long as the
 * client takes to download the file, which must never starve the requests that save work.
 *
 * - `FACTMARK_EXPORT_POOL_SIZE` connections (default 4, at least 2); each export uses two
 *   (its annotations, and their evidence and comments, read side by side in one snapshot),
 *   so `size / 2` exports run at once.
 * - Further exports wait their turn, up to EXPORT_QUEUE_WAIT_MS and at most four per running
 *   slot; past that an export is refused with 503 `unavailable` (and `Retry-After`), before
 *   anything is sent when the route can still answer (see exportArticle).
 * - An export may hold its slot EXPORT_MAX_MS at most (a client reading very slowly, or a
 *   stream nobody reads): it is then ended and its connections closed.
 *
 * The connection string is the app's (DATABASE_URL), as in lib/db.ts.
 */
export const EXPORT_QUEUE_WAIT_MS = 15_000;
export const EXPORT_MAX_MS = 15 * 60_000;

export function exportPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.FACTMARK_EXPORT_POOL_SIZE ?? 4);
  return Number.isInteger(size) && size >= 2 ? size : 4;
}

interface PoolState {
  pool: pg.Pool;
  slots: number;
  running: number;
  waiting: (() => void)[];
}

const globalForExports = globalThis as unknown as { factmarkExportPool?: PoolState };

function state(): PoolState {
  if (!globalForExports.factmarkExportPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    const size = exportPoolSize();
    const pool = new pg.Pool({ connectionString, max: size, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
    // A connection that dies while idle (server restart) is dropped by the pool; nothing to do.
    pool.on("error", () => undefined);
    globalForExports.factmarkExportPool = { pool, slots: Math.floor(size / 2), running: 0, waiting: [] };
  }
  return globalForExports.factmarkExportPool;
}

const busy = () => new AppError("unavailable", "Too many exports are running; try again in a moment.");

/**
 * A turn to run one export (two connections of the export pool): resolves with its release
 * (call it once, when the export's connections are back), or rejects with 503 when the wait
 * is too long. Refuses at once, synchronously, when too many exports already wait.
 */
export function reserveExportSlot(): Promise<() => void> {
  const s = state();
  const release = () => {
    const next = s.waiting.shift();
    if (next) next();
    else s.running--;
  };
  if (s.running < s.slots) {
    s.running++;
    return Promise.resolve(once(release));
  }
  if (s.waiting.length >= s.slots * 4) throw busy();
  return new Promise((resolve, reject) => {
    const turn = () => {
      clearTimeout(timer);
      resolve(once(release));
    };
    const timer = setTimeout(() => {
      const at = s.waiting.indexOf(turn);
      if (at !== -1) s.waiting.splice(at, 1);
      reject(busy());
    }, EXPORT_QUEUE_WAIT_MS);
    s.waiting.push(turn);
  });
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

/** A connection of the export pool (within a reserved slot). */
export function exportConnection(): Promise<pg.PoolClient> {
  return state().pool.connect();
}

/** Closes the export pool (tests, scripts): later exports open a new one. */
export async function closeExportPool(): Promise<void> {
  const s = globalForExports.factmarkExportPool;
  globalForExports.factmarkExportPool = undefined;
  await s?.pool.end();
}
