import { readFile } from "node:fs/promises";
import pg from "pg";
import { readMigrationList } from "./migrations-dir";
import { migrationsDir as defaultMigrationsDir, schemaPath } from "./paths";
import { withSchemaEngine } from "./schema-engine";
import { onShutdown } from "./shutdown";

/**
 * Key of the session advisory lock held while migrating. Instances that start together queue
 * on it; the later ones then find nothing left to apply. Advisory locks are scoped to one
 * database, so separate test databases never wait for each other.
 */
export const MIGRATION_LOCK_KEY = 727_360_221_001;

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

/**
 * Applies the pending migrations of prisma/migrations and returns their names. A Ctrl-C while
 * it runs waits for it: a migration cut off half-way is recorded as failed and blocks every
 * later start until someone resolves it by hand.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const running = applyLocked(databaseUrl, options);
  const cancel = onShutdown(() => running.then(() => undefined, () => undefined));
  try {
    return await running;
  } finally {
    cancel();
  }
}

async function applyLocked(databaseUrl: string, options: ApplyMigrationsOptions): Promise<string[]> {
  const dir = options.migrationsDir ?? defaultMigrationsDir;
  const log = options.log ?? ((line: string) => console.log(line));
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined); // the server going away surfaces as a failed query
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const [migrationsList, schema] = await Promise.all([readMigrationList(dir), readFile(schemaPath, "utf8")]);
    const { appliedMigrationNames } = await withSchemaEngine({ databaseUrl, datamodels: [[schemaPath, schema]] }, (engine) =>
      engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
    );
    for (const name of appliedMigrationNames) log(`Applied migration ${name}`);
    return appliedMigrationNames;
  } finally {
    // Ending the session releases the advisory lock even if the unlock query cannot run.
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
