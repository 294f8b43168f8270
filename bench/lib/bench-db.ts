/**
 * The benchmark's own PostgreSQL: embedded (scripts/lib helpers), data under .data-bench/,
 * kept between runs so the large data set is generated once. Migrated at every start.
 */
import path from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase, withDatabaseName } from "../../scripts/lib/database-admin";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrate";
import { projectRoot } from "../../scripts/lib/paths";

export const BENCH_DATA_DIR = path.join(projectRoot, ".data-bench");
export const BENCH_DATABASE = "factmark_bench";

export interface BenchDb {
  url: string;
  port: number;
  postgresVersion: string;
  /** Drops and recreates the bench database (empty, migrated). */
  recreate(): Promise<void>;
  stop(): Promise<void>;
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? "?";
  } finally {
    await client.end();
  }
}

export async function startBenchDb(log: (line: string) => void): Promise<BenchDb> {
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: BENCH_DATA_DIR, database: BENCH_DATABASE, log });
  const quiet = () => undefined;
  await applyMigrations(embedded.url, { log });
  return {
    url: embedded.url,
    port: embedded.port,
    postgresVersion: await serverVersion(embedded.url),
    async recreate() {
      const admin = withDatabaseName(embedded.url, "postgres");
      await dropDatabase(admin, BENCH_DATABASE);
      await createDatabase(admin, BENCH_DATABASE);
      await applyMigrations(embedded.url, { log: quiet });
    },
    stop: () => embedded.stop(),
  };
}

/** Runs `fn` with a plain pg client on `url`, closed afterwards. */
export async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
