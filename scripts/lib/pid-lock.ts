// One process at a time per data directory: a lock file holding the owner's pid. A lock whose
// pid no longer runs is stale (a crash or kill -9) and is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from "node:fs";

export interface LockOwner {
  pid: number;
  /** Where the owner serves the app, when it does. */
  url?: string;
  /** Process group of the app server it started, to clean up after a crash of the owner. */
  appGroup?: number;
}

export class AlreadyRunningError extends Error {
  constructor(readonly owner: LockOwner) {
    const where = owner.url ? `pid ${owner.pid}, ${owner.url}` : `pid ${owner.pid}`;
    super(
      `Factmark is already running on this data directory (${where}). ` +
        "Stop it first, or set DATABASE_URL to use another database.",
    );
    this.name = "AlreadyRunningError";
  }
}

export interface PidLock {
  /** The owner of a stale lock that was taken over (it died without cleaning up), if any. */
  previous: LockOwner | null;
  /** Records where the owner now serves, for the message a second start prints. */
  update(owner: Omit<LockOwner, "pid">): void;
  release(): void;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof parsed === "object" && parsed !== null && "pid" in parsed && typeof parsed.pid === "number") {
      return parsed as LockOwner;
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return null;
}

export function acquirePidLock(file: string, owner: Omit<LockOwner, "pid"> = {}): PidLock {
  const content = (extra: Omit<LockOwner, "pid">) => JSON.stringify({ pid: process.pid, ...extra }) + "\n";
  let previous: LockOwner | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o644);
      writeSync(fd, content(owner));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw error;
      const holder = readOwner(file);
      if (holder && holder.pid !== process.pid && isProcessAlive(holder.pid)) throw new AlreadyRunningError(holder);
      previous = holder;
      unlinkSync(file);
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    // Only remove the file while it is still ours.
    if (readOwner(file)?.pid === process.pid) unlinkSync(file);
  };
  process.on("exit", release);
  return {
    previous,
    update: (extra) => {
      if (held) writeFileSync(file, content(extra));
    },
    release: () => {
      process.off("exit", release);
      release();
    },
  };
}
