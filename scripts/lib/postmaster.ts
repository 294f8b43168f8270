// The postmaster of a data directory, found through the postmaster.pid file it writes.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isProcessAlive } from "./pid-lock";

/** Pid of the postmaster running on `pgdata`, or null when none runs. */
export function runningPostmaster(pgdata: string): number | null {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return null;
  // After a reboot the pid may belong to something else; only a postgres counts.
  try {
    if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") return null;
  } catch {
    // No /proc (macOS): trust the pid file.
  }
  return pid;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Stops a postmaster: SIGINT is PostgreSQL's "fast" shutdown (disconnect clients, checkpoint,
 * exit cleanly); SIGQUIT, the immediate one, only if that hangs.
 */
export async function stopPostmaster(pid: number, timeoutMs = 30_000): Promise<void> {
  if (!isProcessAlive(pid)) return;
  process.kill(pid, "SIGINT");
  if (await waitForExit(pid, timeoutMs)) return;
  process.kill(pid, "SIGQUIT");
  await waitForExit(pid, 5_000);
}
