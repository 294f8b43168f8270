import type { BenchManifest, BenchPerson } from "../data/dataset";
import type { AppServer } from "./app-server";
import type { ScenarioResult } from "./report";

export interface BenchContext {
  manifest: BenchManifest;
  databaseUrl: string;
  /** Fewer repetitions: to try the suite, not to quote its figures. */
  quick: boolean;
  log: (line: string) => void;
  /** The running app, or why there is none (its scenarios then report that). */
  app: AppServer | null;
  appError: string | null;
  /** A fresh API token per person for this run (older bench tokens are revoked). */
  tokens: Map<string, string>;
  editor: BenchPerson;
  reviewers: BenchPerson[];
  /** Values shared between scenarios (scenario 6 reads what scenario 2 left). */
  shared: Map<string, unknown>;
}

export type Scenario = (ctx: BenchContext, result: ScenarioResult) => Promise<void>;

export function newResult(id: string, title: string): ScenarioResult {
  return { id, title, measures: [], notes: [], details: {}, appendix: [], seconds: 0 };
}

/** Runs a scenario; an exception is recorded in its result, never ends the suite. */
export async function runScenario(ctx: BenchContext, id: string, title: string, scenario: Scenario): Promise<ScenarioResult> {
  const result = newResult(id, title);
  const started = Date.now();
  ctx.log(`\n▶ ${id}. ${title}`);
  try {
    await scenario(ctx, result);
  } catch (error) {
    result.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
    ctx.log(`  ✗ ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  result.seconds = (Date.now() - started) / 1000;
  ctx.log(`  (${result.seconds.toFixed(1)} s)`);
  return result;
}

/** The app, or an error naming why the scenario cannot run. */
export function requireApp(ctx: BenchContext): AppServer {
  if (!ctx.app) throw new Error(`the app is not running (${ctx.appError ?? "not started"})`);
  return ctx.app;
}
