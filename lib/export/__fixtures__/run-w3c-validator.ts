import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The shared validator: FACTMARK_W3C_VALIDATOR, else ../shared/tools/validate-w3c.mjs beside the project. */
export const VALIDATOR = process.env.FACTMARK_W3C_VALIDATOR ?? path.resolve(process.cwd(), "../shared/tools/validate-w3c.mjs");

/**
 * Writes an export and its canonical text to a temporary directory and runs the shared
 * W3C validator on them, as a person checking the file would.
 */
export function runW3cValidator(json: string, text: string): { ok: boolean; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factmark-w3c-"));
  try {
    const exportFile = path.join(dir, "export.jsonld");
    const textFile = path.join(dir, "canonical.txt");
    fs.writeFileSync(exportFile, json, "utf8");
    fs.writeFileSync(textFile, text, "utf8");
    const run = spawnSync(process.execPath, [VALIDATOR, "--text", textFile, exportFile], { cwd: process.cwd(), encoding: "utf8" });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
