// After `npm start` was killed outright (kill -9, OOM), the next-server it started in its own
// process group keeps the port. The lock file remembers that group; the next start stops it.
import { readdirSync, readFileSync } from "node:fs";
import { isProcessAlive } from "./pid-lock";

/** Pids in process group `pgid` whose command line mentions next (Linux /proc; [] elsewhere). */
function nextProcessesInGroup(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (comm) state ppid pgrp …": comm may contain spaces, so split after its ")".
      const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (group !== pgid) continue;
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      if (/next/.test(commandLine)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

export async function stopStaleApp(pgid: number, log: (line: string) => void): Promise<void> {
  const pids = nextProcessesInGroup(pgid);
  if (pids.length === 0) return;
  log(`Stopping the app server a previous start left running (pids ${pids.join(", ")})`);
  for (const pid of pids) process.kill(pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (pids.some(isProcessAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const pid of pids.filter(isProcessAlive)) process.kill(pid, "SIGKILL");
}
