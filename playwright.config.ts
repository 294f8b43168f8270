import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { isProcessAlive } from "./scripts/lib/pid-lock";

// E2E_PORT lets a second checkout run its end-to-end tests beside this one.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
process.env.E2E_BASE_URL = baseURL;

function lockHeldByLiveProcess(lockFile: string): boolean {
  try {
    const { pid } = JSON.parse(readFileSync(lockFile, "utf8")) as { pid?: unknown };
    return typeof pid === "number" && isProcessAlive(pid);
  } catch {
    return false; // no lock, or an unreadable one
  }
}

/**
 * The app under test runs on its own embedded database, freshly seeded with the demo data for
 * every run. The directory is fixed per checkout so the previous run's is deleted here, once,
 * by the main process (workers load this file too and inherit the variable set below).
 */
function freshDataDir(): string {
  const inherited = process.env.FACTMARK_E2E_DATA_DIR;
  if (inherited) return inherited;
  const checkout = createHash("sha256").update(path.dirname(fileURLToPath(import.meta.url))).digest("hex").slice(0, 8);
  const dir = path.join(tmpdir(), `factmark-e2e-${checkout}`);
  const lock = path.join(dir, "factmark.lock");
  // A server still running on it keeps its data; starting the new one then fails with a message.
  if (!lockHeldByLiveProcess(lock)) rmSync(dir, { recursive: true, force: true });
  process.env.FACTMARK_E2E_DATA_DIR = dir;
  return dir;
}

// Debian's chromium where Playwright cannot download its own browser (set CHROMIUM_PATH to override).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous per-test time: a 2-core CI machine builds and serves at once; the assertions, not
  // the clock, decide what passes (speed lives in the benchmark).
  timeout: 90_000,
  workers: 2,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "tsx scripts/start.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    // SIGTERM lets start.ts stop next and Postgres; the default SIGKILL would orphan next-server.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(port),
      FACTMARK_DATA_DIR: freshDataDir(),
      SEED_DEMO: "1",
      // Always the fresh embedded database, whatever the shell exports.
      DATABASE_URL: "",
      NEXTAUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
