// npm test: every check, in order, stopping at the first failure with its exit code.
//   lint → typecheck → unit → integration (fresh migrated Postgres) → next build → e2e
// `DATABASE_URL=… npm test` runs the integration tests in a fresh database on that server;
// without it they get a throwaway embedded PostgreSQL. E2E always runs on its own embedded one.
import { spawn } from "node:child_process";
import { binPath } from "./lib/paths";

interface Step {
  name: string;
  command: string;
  args: string[];
}

const steps: Step[] = [
  { name: "lint", command: "eslint", args: ["--max-warnings=0", "."] },
  { name: "typecheck", command: "tsc", args: ["--noEmit"] },
  { name: "unit", command: "vitest", args: ["run", "--project", "unit"] },
  { name: "integration", command: "tsx", args: ["scripts/with-test-db.ts", binPath("vitest"), "run", "--project", "integration"] },
  { name: "build", command: "next", args: ["build"] },
  { name: "e2e", command: "playwright", args: ["test"] },
];

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
let current: ReturnType<typeof spawn> | null = null;
let interrupted: NodeJS.Signals | null = null;

// A terminal Ctrl-C reaches the running step directly (same process group); a SIGTERM sent to
// us alone is passed on. Either way the step ends first and the run stops after it.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = signal;
    if (signal === "SIGTERM") current?.kill(signal);
  });
}

function runStep(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(binPath(step.command), step.args, { stdio: "inherit", env });
    current = child;
    child.once("error", (error) => {
      console.error(`Could not run ${step.command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal === "SIGINT" ? 130 : 1));
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const results: string[] = [];
  const total = Date.now();
  let exitCode = 0;
  for (const [index, step] of steps.entries()) {
    if (exitCode !== 0) {
      results.push(`${step.name} –`);
      continue;
    }
    console.log(`\n━━━ ${index + 1}/${steps.length} ${step.name}: ${step.command} ${step.args.join(" ")}\n`);
    const started = Date.now();
    const code = interrupted ? 130 : await runStep(step);
    const took = seconds(Date.now() - started);
    results.push(code === 0 ? `${step.name} ✓ ${took}` : `${step.name} ✗ ${took} (exit ${code})`);
    if (code !== 0) {
      console.error(`\n${step.name} failed (exit code ${code})`);
      exitCode = code;
    }
  }
  console.log(`\n${exitCode === 0 ? "PASS" : "FAIL"} in ${seconds(Date.now() - total)}: ${results.join(" · ")}`);
  return exitCode;
}

main().then((code) => process.exit(code));
