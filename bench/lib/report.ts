/**
 * Results of a run: one row per figure, always beside a baseline measured in the same run,
 * as a ratio (these 2-core machines are noisy; the ratio travels better than the number).
 * Rendered as one Markdown table for the console and bench/README.md, and kept as JSON.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Summary } from "./stats";

export type Unit = "ms" | "req/s" | "ann/s" | "MiB" | "tasks" | "rows" | "×";

export interface Goal {
  text: string;
  /** null when the goal could not be judged (not measured). */
  pass: boolean | null;
}

export interface Measure {
  name: string;
  unit: Unit;
  median: number | null;
  p95?: number | null;
  p99?: number | null;
  n?: number;
  baseline?: { name: string; median: number; unit?: Unit } | null;
  /** median ÷ baseline median. For times above 1 is slower than the baseline; for rates below 1 is less. */
  ratio?: number | null;
  goal?: Goal;
  note?: string;
}

export interface ScenarioResult {
  id: string;
  title: string;
  measures: Measure[];
  notes: string[];
  /** Extra material kept in the JSON (plans, counts, per-run samples). */
  details: Record<string, unknown>;
  /** Preformatted lines shown after the table (the dashboard's plan lines). */
  appendix: { title: string; lines: string[] }[];
  error?: string;
  seconds: number;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  chromium: string | null;
  os: string;
  /** 1-minute load average at the start and the end of the run: other work on the machine. */
  load: { start: number; end: number };
}

export interface RunReport {
  date: string;
  startedAt: string;
  seconds: number;
  complete: boolean;
  machine: Machine;
  data: Record<string, unknown>;
  scenarios: ScenarioResult[];
}

/** A measure from a summary of samples, with its baseline's median and the ratio. */
export function measure(
  name: string,
  unit: Unit,
  summary: Summary | null,
  baseline: { name: string; median: number; unit?: Unit } | null,
  goal?: Goal,
  note?: string,
): Measure {
  const median = summary ? summary.median : null;
  return {
    name,
    unit,
    median,
    p95: summary?.p95 ?? null,
    p99: summary?.p99 ?? null,
    n: summary?.n ?? 0,
    baseline,
    ratio: median !== null && baseline && baseline.median > 0 ? median / baseline.median : null,
    goal,
    note,
  };
}

export function formatNumber(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const digits = unit === "ms" ? (value < 10 ? 2 : value < 100 ? 1 : 0) : unit === "MiB" ? 0 : unit === "×" ? 2 : 0;
  const text = value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === "×" ? `${text}×` : `${text} ${unit}`;
}

function goalCell(goal: Goal | undefined): [string, string] {
  if (!goal) return ["", ""];
  return [goal.text, goal.pass === null ? "?" : goal.pass ? "✓" : "✗"];
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The results as one Markdown table (a row per measure; a scenario that failed shows why). */
export function renderTable(report: RunReport): string {
  const lines = [
    "| # | measure | median | p95 | baseline (same run) | ratio | goal | |",
    "| --- | --- | ---: | ---: | --- | ---: | --- | :-: |",
  ];
  for (const scenario of report.scenarios) {
    if (scenario.error && scenario.measures.length === 0) {
      lines.push(`| ${scenario.id} | **${escapeCell(scenario.title)}**: not measured — ${escapeCell(scenario.error)} | | | | | | ✗ |`);
      continue;
    }
    scenario.measures.forEach((m, i) => {
      const [goalText, mark] = goalCell(m.goal);
      const baseline = m.baseline ? `${escapeCell(m.baseline.name)}: ${formatNumber(m.baseline.median, m.baseline.unit ?? m.unit)}` : "";
      const name = `${i === 0 ? `**${escapeCell(scenario.title)}** — ` : ""}${escapeCell(m.name)}${m.note ? ` (${escapeCell(m.note)})` : ""}`;
      lines.push(
        `| ${i === 0 ? scenario.id : ""} | ${name} | ${formatNumber(m.median, m.unit)} | ${formatNumber(m.p95, m.unit)} | ${baseline} | ${formatNumber(m.ratio, "×")} | ${escapeCell(goalText)} | ${mark} |`,
      );
    });
    if (scenario.error) lines.push(`| | ⚠ ${escapeCell(scenario.error)} | | | | | | ✗ |`);
  }
  return lines.join("\n");
}

export function renderNotes(report: RunReport): string {
  const notes = report.scenarios.flatMap((s) => s.notes.map((n) => `- ${s.id}. ${n}`));
  const appendices = report.scenarios.flatMap((s) => s.appendix.map((a) => `\n${s.id}. ${a.title}:\n\n\`\`\`\n${a.lines.join("\n")}\n\`\`\``));
  return [...notes, ...appendices].join("\n");
}

export function renderMachine(report: RunReport): string {
  const m = report.machine;
  return `${report.date} · ${m.cpus} cores (${m.cpuModel}) · ${m.memoryGiB} GiB RAM · ${m.os} · Node ${m.node} · PostgreSQL ${m.postgres}${m.chromium ? ` · Chromium ${m.chromium}` : ""} · load average ${m.load.start.toFixed(1)} → ${m.load.end.toFixed(1)} · suite ${Math.round(report.seconds)} s`;
}

export function writeResults(dir: string, report: RunReport): { latest: string; dated: string } {
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(report, null, 2) + "\n";
  const latest = path.join(dir, "latest.json");
  const dated = path.join(dir, `${report.date}.json`);
  // Written whole, then renamed into place, so a reader never sees half a file.
  for (const file of [latest, dated]) {
    writeFileSync(`${file}.tmp`, json);
    renameSync(`${file}.tmp`, file);
  }
  return { latest, dated };
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

/** Replaces the results section of bench/README.md with this run's table. */
export function updateReadme(readmePath: string, report: RunReport): void {
  const readme = readFileSync(readmePath, "utf8");
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${readmePath} has no ${START} … ${END} section`);
  const section = [START, "", `Newest run: ${renderMachine(report)}`, "", renderTable(report), "", renderNotes(report), "", END].join("\n");
  writeFileSync(readmePath, readme.slice(0, from) + section + readme.slice(to + END.length));
}
