// npm run db:migrate: applies pending migrations to $DATABASE_URL, or to the embedded database
// under .data/ (or $FACTMARK_DATA_DIR) when DATABASE_URL is unset.
import { dataDirFromEnv } from "./lib/data-dir";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";
import { exitOnSignals, onShutdown, shutdown } from "./lib/shutdown";

async function main(): Promise<void> {
  exitOnSignals();
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: dataDirFromEnv() });
    onShutdown(pg.stop);
    databaseUrl = pg.url;
  }
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length === 0 ? "Database is up to date: no migration to apply" : `${applied.length} migration(s) applied`);
}

main().then(
  () => shutdown(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return shutdown(1);
  },
);
