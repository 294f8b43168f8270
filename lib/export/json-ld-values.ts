import type { JsonPath } from "./w3c-import-problems";

/**
 * The values of a JSON-LD property that may be written as one value or an array, each with
 * its JSON path as written (`body` for a single body, `body[2]` in an array).
 */
export function jsonLdValues(value: unknown, path: JsonPath): { value: unknown; path: JsonPath }[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map((v, i) => ({ value: v, path: [...path, i] })) : [{ value, path }];
}
