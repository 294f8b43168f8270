// Children that run in their own process group. `next start` forks next-server; signalling
// only the direct child would leave next-server running, so signals go to the whole group.
import { spawn, type ChildProcess } from "node:child_process";

export interface GroupChild {
  child: ChildProcess;
  /** Exit code (128 + n when killed by signal n). */
  exited: Promise<number>;
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

export function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv): GroupChild {
  const child = spawn(command, args, { detached: true, stdio: "inherit", env });
  // Whatever happens to us, the group must not outlive us (exit handlers run synchronously).
  const killOnExit = () => signalGroup(child, "SIGTERM");
  process.on("exit", killOnExit);
  const exited = new Promise<number>((resolve) => {
    child.once("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      process.off("exit", killOnExit);
      resolve(code ?? 128 + (signal ? (signalNumbers[signal] ?? 1) : 1));
    });
  });
  return { child, exited };
}

/** Signal 0 only tests whether any member of the group is still alive. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // ESRCH: nobody left in the group
  }
}

function groupAlive(child: ChildProcess): boolean {
  return child.pid !== undefined && signalGroup(child, 0);
}

/** Sends `signal` to the group and waits for every member to exit; SIGKILL after `timeoutMs`. */
export async function stopGroup(group: GroupChild, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 10_000): Promise<void> {
  if (!signalGroup(group.child, signal)) return;
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(group.child)) {
    if (Date.now() > deadline) {
      signalGroup(group.child, "SIGKILL");
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await group.exited;
}
