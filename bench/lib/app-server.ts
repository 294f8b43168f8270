/**
 * The app as users get it: a production build in its own directory (never the main .next)
 * served by `next start` on a free loopback port, against the bench database.
 *
 * The build directory defaults to .data-bench/next rather than .next-bench: eslint.config.mjs
 * ignores `.next/**` and `.data-*\/**` but not `.next-bench`, so a build there would be linted
 * by `npm run lint` (and `npm test`). Set BENCH_DIST_DIR to choose another.
 *
 * `next build` rewrites tsconfig.json (adding <distDir>/types) and next-env.d.ts; both belong
 * to the project, so they are put back byte for byte afterwards. The build runs in Next's
 * "compile" then "generate" modes, which skip the type check: type errors are `npm test`'s
 * business, and another engineer's unfinished file must not stop the benchmark.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "../../scripts/lib/free-port";
import { binPath, projectRoot } from "../../scripts/lib/paths";
import { stopGroup, type GroupChild } from "../../scripts/lib/process-group";
import { BENCH_DATA_DIR } from "./bench-db";

export const DIST_DIR = process.env.BENCH_DIST_DIR ?? path.join(".data-bench", "next");

const FINGERPRINTED = ["app", "components", "lib", "messages", "types", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];

function walk(target: string, out: string[]): void {
  if (!existsSync(target)) return;
  const stats = statSync(target);
  if (stats.isDirectory()) {
    for (const entry of readdirSync(target).sort()) {
      if (entry === "node_modules" || entry.startsWith(".")) continue;
      walk(path.join(target, entry), out);
    }
  } else {
    out.push(`${path.relative(projectRoot, target)}:${stats.size}:${Math.round(stats.mtimeMs)}`);
  }
}

/** A fingerprint of everything the build depends on (sizes and modification times). */
export function sourceFingerprint(): string {
  const entries: string[] = [];
  for (const item of FINGERPRINTED) walk(path.join(projectRoot, item), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

function run(args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  return new Promise((resolve) => {
    const fd = openSync(logFile, "a");
    const child = spawn(binPath("next"), args, { cwd: projectRoot, env, stdio: ["ignore", fd, fd] });
    child.once("error", () => resolve(127));
    child.once("exit", (code) => {
      closeSync(fd);
      resolve(code ?? 1);
    });
  });
}

function tail(file: string, lines = 25): string {
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

export interface BuildResult {
  reused: boolean;
  seconds: number;
}

/** Builds the app into DIST_DIR unless a build of the same sources is there already. */
export async function buildApp(databaseUrl: string, log: (line: string) => void, when: "always" | "if-changed" | "never"): Promise<BuildResult> {
  const distDir = path.resolve(projectRoot, DIST_DIR);
  const stamp = path.join(distDir, "bench-sources.sha256");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(distDir, "BUILD_ID"));
  if (built && when === "never") return { reused: true, seconds: 0 };
  if (built && when === "if-changed" && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === fingerprint) {
    return { reused: true, seconds: 0 };
  }
  const started = Date.now();
  const logFile = path.join(BENCH_DATA_DIR, "build.log");
  writeFileSync(logFile, "");
  const kept = ["tsconfig.json", "next-env.d.ts"].map((name) => {
    const file = path.join(projectRoot, name);
    return { file, content: existsSync(file) ? readFileSync(file) : null };
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FACTMARK_DIST_DIR: DIST_DIR,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    NODE_ENV: "production",
  };
  try {
    log(`Building the app into ${DIST_DIR} (log: ${path.relative(projectRoot, logFile)})`);
    for (const mode of ["compile", "generate"]) {
      const code = await run(["build", "--experimental-build-mode", mode], env, logFile);
      if (code !== 0) throw new Error(`next build (${mode}) failed with exit code ${code}:\n${tail(logFile)}`);
    }
    writeFileSync(stamp, fingerprint + "\n");
    return { reused: false, seconds: (Date.now() - started) / 1000 };
  } finally {
    for (const { file, content } of kept) {
      if (content === null) continue;
      if (!existsSync(file) || !readFileSync(file).equals(content)) writeFileSync(file, content);
    }
  }
}

export interface AppServer {
  url: string;
  port: number;
  /** Process group of next start (the wrapper and next-server). */
  pgid: number;
  stop(): Promise<void>;
}

/** `next start` on a free loopback port; resolves once /api/health answers. */
export async function startApp(databaseUrl: string, log: (line: string) => void): Promise<AppServer> {
  const port = await findFreePort([5432, 3000, 3100]);
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(BENCH_DATA_DIR, "server.log");
  const fd = openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FACTMARK_DIST_DIR: DIST_DIR,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: url,
    PORT: String(port),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    // To profile the server alone, e.g. BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof".
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  };
  const child: ChildProcess = spawn(binPath("next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: projectRoot,
    env,
    detached: true,
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
  const group: GroupChild = { child, exited };
  const killOnExit = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    await stopGroup(group, "SIGTERM", 10_000);
  };
  const deadline = Date.now() + 90_000;
  let early: number | null = null;
  void exited.then((code) => (early = code));
  for (;;) {
    if (early !== null) throw new Error(`next start exited (code ${early}):\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 90 s:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`App started at ${url} (log: ${path.relative(projectRoot, logFile)})`);
  return { url, port, pgid: child.pid ?? 0, stop };
}

export interface GroupMemory {
  totalMiB: number;
  processes: { pid: number; name: string; rssMiB: number }[];
}

/** VmRSS of every process in the process group `pgid` (next start and next-server), from /proc. */
export function groupMemory(pgid: number): GroupMemory {
  const processes: GroupMemory["processes"] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …; comm may contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?";
      if (rss) processes.push({ pid: Number(entry), name, rssMiB: Number(rss[1]) / 1024 });
    } catch {
      // the process ended meanwhile
    }
  }
  return { totalMiB: processes.reduce((sum, p) => sum + p.rssMiB, 0), processes };
}
