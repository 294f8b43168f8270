/** Summaries of repeated measurements: the machines are noisy, so medians and tails, never one run. */
import { performance } from "node:perf_hooks";

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** Quantile `q` (0–1) of ascending `sorted`, interpolated between the two nearest ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
  };
}

/** Milliseconds `fn` takes. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the durations in ms. */
export async function repeatMs(runs: number, warmup: number, fn: (run: number) => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeMs(() => fn(i)));
  return samples;
}

/** Runs the two alternately, so drifting machine load hits both alike. */
export async function interleavedMs(
  runs: number,
  warmup: number,
  subject: (run: number) => unknown,
  baseline: (run: number) => unknown,
): Promise<{ subject: number[]; baseline: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await subject(-1 - i);
    await baseline(-1 - i);
  }
  const out = { subject: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < runs; i++) {
    out.baseline.push(await timeMs(() => baseline(i)));
    out.subject.push(await timeMs(() => subject(i)));
  }
  return out;
}
