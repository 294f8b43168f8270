import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { onShutdown } from "./shutdown";

/**
 * Starts an embedded PostgreSQL in a fresh directory under /tmp that is deleted again by
 * `stop()` (also on Ctrl-C, through the shutdown hooks).
 */
export async function startThrowawayPostgres(log?: (line: string) => void): Promise<EmbeddedPostgres> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "factmark-pg-"));
  // mkdtemp creates 0700; Postgres runs as another user and must traverse it.
  chmodSync(dataDir, 0o755);
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  let pg: EmbeddedPostgres;
  try {
    pg = await startEmbeddedPostgres({ dataDir, throwaway: true, log: log ?? (() => undefined) });
  } catch (error) {
    remove();
    throw error;
  }
  const stop = async () => {
    cancel();
    await pg.stop();
    remove();
  };
  const cancel = onShutdown(stop);
  return { ...pg, stop };
}
