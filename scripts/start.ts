// npm start (and `npm run dev` with --dev).
//  - DATABASE_URL unset: a PostgreSQL embedded from npm with its data under .data/
//    ($FACTMARK_DATA_DIR), seeded with demo data on first start.
//  - DATABASE_URL set: that server; NEXTAUTH_SECRET must be set too. SEED_DEMO=1 seeds an
//    empty database.
// Then: migrations (under an advisory lock), `next build` when there is no build yet, and
// `next start` (or `next dev`) on $PORT (3000). Ctrl-C stops the app, then the database.
import { existsSync } from "node:fs";
import { resolveAuthSecret } from "./lib/auth-secret";
import { dataDirFromEnv } from "./lib/data-dir";
import { formatDemoLogins, hasUsers, rememberDemoLogins, seedDemo, stillValidDemoLogins } from "./lib/demo-logins";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { isPortFree, waitForPort } from "./lib/free-port";
import { applyMigrations } from "./lib/migrate";
import { binPath, nextBuildIdPath } from "./lib/paths";
import type { PidLock } from "./lib/pid-lock";
import { spawnGroup, stopGroup, type GroupChild } from "./lib/process-group";
import { exitOnSignals, isShuttingDown, onShutdown, shutdown } from "./lib/shutdown";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const appUrl = `http://localhost:${port}`;
let stopSignal: NodeJS.Signals = "SIGTERM";

/** Runs a child in its own process group until it exits; stopped with the signal we got. */
function runChild(args: string[], env: NodeJS.ProcessEnv): GroupChild {
  const group = spawnGroup(binPath("next"), args, env);
  const cancel = onShutdown(() => stopGroup(group, stopSignal));
  void group.exited.then(cancel);
  return group;
}

async function main(): Promise<void> {
  exitOnSignals((signal) => {
    stopSignal = signal === "SIGINT" ? "SIGINT" : "SIGTERM";
  });
  const embedded = !process.env.DATABASE_URL;
  const dataDir = embedded ? dataDirFromEnv() : null;
  const secret = resolveAuthSecret(dataDir);

  let databaseUrl = process.env.DATABASE_URL ?? "";
  let lock: PidLock | null = null;
  if (dataDir !== null) {
    const pg = await startEmbeddedPostgres({ dataDir, appUrl });
    onShutdown(pg.stop);
    databaseUrl = pg.url;
    lock = pg.lock;
    console.log(`PostgreSQL (embedded) started on port ${pg.port}, data in ${dataDir}`);
  }
  if (!(await isPortFree(port))) throw new Error(`Port ${port} is already in use: stop what uses it or set PORT.`);
  // The seed runs in this process through lib/db.ts, which reads it (an empty value counts as unset).
  process.env.DATABASE_URL = databaseUrl;

  await applyMigrations(databaseUrl);
  let logins = [] as Awaited<ReturnType<typeof seedDemo>>;
  if ((embedded || process.env.SEED_DEMO === "1") && !(await hasUsers(databaseUrl))) {
    console.log("Empty database: loading the demo data");
    logins = await seedDemo(databaseUrl);
    if (dataDir !== null && logins.length > 0) rememberDemoLogins(dataDir, logins);
  } else if (dataDir !== null) {
    logins = await stillValidDemoLogins(dataDir, databaseUrl);
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  if (!dev && !existsSync(nextBuildIdPath)) {
    console.log("No production build yet: running next build");
    const code = await runChild(["build"], env).exited;
    if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
  }
  if (isShuttingDown()) return;

  const app = runChild([dev ? "dev" : "start", "-p", String(port)], env);
  lock?.update({ url: appUrl, appGroup: app.child.pid });
  void app.exited.then((code) => {
    if (!isShuttingDown()) {
      console.error(`next ${dev ? "dev" : "start"} exited (code ${code})`);
      void shutdown(code === 0 ? 1 : code);
    }
  });
  await waitForPort(port, { isAborted: isShuttingDown });
  if (isShuttingDown()) return;
  const banner = [`\n  Factmark is running at ${appUrl}`, formatDemoLogins(logins), "  Press Ctrl-C to stop.\n"];
  console.log(banner.filter(Boolean).join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return shutdown(1);
});
