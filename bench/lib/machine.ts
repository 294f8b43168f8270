import { execFileSync } from "node:child_process";
import os from "node:os";
import type { Machine } from "./report";

function nproc(): number {
  try {
    return Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || os.availableParallelism();
  } catch {
    return os.availableParallelism();
  }
}

export function describeMachine(postgres: string, chromium: string | null, loadAtStart: number): Machine {
  return {
    cpus: nproc(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "?",
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.versions.node,
    postgres,
    chromium,
    os: `${os.type()} ${os.release()}`,
    load: { start: loadAtStart, end: os.loadavg()[0] },
  };
}
