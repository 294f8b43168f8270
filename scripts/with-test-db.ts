// tsx scripts/with-test-db.ts <command...>
// Runs the command with DATABASE_URL pointing at a fresh, migrated database, then removes it:
//  - DATABASE_URL set: a new database factmark_test_<random> on that server, dropped afterwards;
//  - otherwise: a throwaway embedded PostgreSQL under /tmp, stopped and deleted afterwards.
// Exits with the command's exit code.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { createDatabase, dropDatabase, withDatabaseName } from "./lib/database-admin";
import { applyMigrations } from "./lib/migrate";
import { exitOnSignals, onShutdown, shutdown } from "./lib/shutdown";
import { startThrowawayPostgres } from "./lib/throwaway-postgres";

async function freshDatabase(): Promise<string> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const pg = await startThrowawayPostgres();
    return pg.url;
  }
  const name = `factmark_test_${randomBytes(6).toString("hex")}`;
  await createDatabase(serverUrl, name);
  onShutdown(() => dropDatabase(serverUrl, name));
  return withDatabaseName(serverUrl, name);
}

function run(command: string, args: string[], databaseUrl: string): Promise<number> {
  // Same process group as us: a Ctrl-C in the terminal reaches the command directly.
  const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl } });
  const exited = new Promise<number>((resolve) => {
    child.once("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal === "SIGINT" ? 130 : 1)));
  });
  // On a signal, the command ends before its database goes (cleanups run last-in first).
  const cancel = onShutdown(async () => {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  });
  void exited.then(cancel);
  return exited;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error("Usage: tsx scripts/with-test-db.ts <command...>");
    return 2;
  }
  const started = Date.now();
  const databaseUrl = await freshDatabase();
  await applyMigrations(databaseUrl, { log: () => undefined });
  const where = new URL(databaseUrl);
  console.log(`Test database ${where.pathname.slice(1)} on ${where.host} ready in ${Date.now() - started} ms`);
  return run(command, args, databaseUrl);
}

exitOnSignals();
main().then(
  (code) => shutdown(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return shutdown(1);
  },
);
