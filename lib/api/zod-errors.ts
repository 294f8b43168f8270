import type { z } from "zod";

/** Turns zod issues into `{ "target.start": "must be ≤ end" }` naming each field. */
export function zodFields(error: z.ZodError, prefix = ""): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[path ? `${path}.${key}` : key] = "unknown field";
      continue;
    }
    fields[path || "body"] ??= issue.message;
  }
  return fields;
}
