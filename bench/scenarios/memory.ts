/**
 * 6. Server memory: resident memory (VmRSS from /proc) of the whole `next start` process
 * group (the wrapper and next-server) when idle after start, and again after scenario 2's
 * load. Baselines: an idle bare Node process of the same Node (the runtime's floor) for the
 * idle figure; the idle figure for the one after load (the ratio is the growth under load).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { groupMemory, type GroupMemory } from "../lib/app-server";
import { requireApp, type BenchContext } from "../lib/context";
import type { ScenarioResult } from "../lib/report";

const IDLE_KEY = "memory.idle";

/** Samples the idle server a few times a second apart (after a first request warmed it). */
async function sample(pgid: number): Promise<GroupMemory> {
  let last = groupMemory(pgid);
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    last = groupMemory(pgid);
  }
  return last;
}

function describe(memory: GroupMemory): string {
  return memory.processes.map((p) => `${p.name.replace(/ \(v[\d.]*\)?$/, "")}: ${p.rssMiB.toFixed(0)} MiB`).join(", ");
}

/** VmRSS of a Node process that does nothing, in MiB. */
async function bareNodeMiB(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
    return rss ? Number(rss[1]) / 1024 : Number.NaN;
  } finally {
    child.kill();
  }
}

export async function measureIdleMemory(ctx: BenchContext): Promise<void> {
  const app = requireApp(ctx);
  await (await fetch(`${app.url}/api/health`)).arrayBuffer();
  ctx.shared.set(IDLE_KEY, await sample(app.pgid));
  ctx.shared.set(`${IDLE_KEY}.bare`, await bareNodeMiB());
}

export async function memoryScenario(ctx: BenchContext, result: ScenarioResult): Promise<void> {
  const app = requireApp(ctx);
  const idle = ctx.shared.get(IDLE_KEY) as GroupMemory | undefined;
  if (!idle) throw new Error("the idle figure was not taken");
  const bare = ctx.shared.get(`${IDLE_KEY}.bare`) as number;
  // Let in-flight work and timers settle, as a server between bursts would.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const loaded = await sample(app.pgid);
  const afterLoad = ctx.shared.has("saving.ran") ? "after scenario 2" : "later (scenario 2 did not run)";
  result.measures.push(
    {
      name: "RSS idle after start",
      unit: "MiB",
      median: idle.totalMiB,
      n: 1,
      baseline: { name: "bare Node process", median: bare },
      ratio: idle.totalMiB / bare,
      note: describe(idle),
    },
    {
      name: `RSS ${afterLoad}`,
      unit: "MiB",
      median: loaded.totalMiB,
      n: 1,
      baseline: { name: "idle", median: idle.totalMiB },
      ratio: loaded.totalMiB / idle.totalMiB,
      note: describe(loaded),
    },
  );
  result.details.idle = idle;
  result.details.afterLoad = loaded;
}
