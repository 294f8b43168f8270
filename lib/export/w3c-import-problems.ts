import type { z } from "zod";
import { validationFailed } from "@/lib/api/errors";

export type JsonPath = (string | number)[];

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");

/**
 * What is wrong with an imported document, each problem under the JSON path of the value
 * at fault (`first.items[2].target.selector[0].end`), so that all of them can be reported
 * in one 422 response rather than one per attempt.
 */
export class ImportProblems {
  private readonly problems: { path: string; message: string }[] = [];

  get count() {
    return this.problems.length;
  }

  fail(path: JsonPath, message: string) {
    this.problems.push({ path: pathText(path) || "(root)", message });
  }

  /** The parsed value, or null after recording each of the schema's complaints. */
  check<S extends z.ZodType>(schema: S, value: unknown, path: JsonPath): z.output<S> | null {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      this.fail([...path, ...issue.path.map((k) => (typeof k === "number" ? k : String(k)))], issue.message);
    }
    return null;
  }

  toError() {
    const fields: Record<string, string> = {};
    for (const p of this.problems) fields[p.path] ??= p.message;
    const shown = this.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    const more = this.problems.length > 5 ? ` (and ${this.problems.length - 5} more)` : "";
    return validationFailed(fields, `The W3C collection cannot be imported: ${shown.join("; ")}${more}`);
  }
}
