import { getSchema } from "@tiptap/core";
import type { Node as PmNode, Schema } from "@tiptap/pm/model";
import { editorExtensions } from "./extensions";

let cached: Schema | undefined;

/** The ProseMirror schema of the shared extension list (built once per process). */
export function editorSchema(): Schema {
  cached ??= getSchema(editorExtensions);
  return cached;
}

export type DocJson = { type: "doc"; content?: unknown[] } & Record<string, unknown>;

/**
 * Parses editor JSON into a document of the shared schema and checks it, throwing on
 * anything the editor could not hold (unknown node or mark types, wrong nesting).
 */
export function parseDocument(json: unknown): PmNode {
  const doc = editorSchema().nodeFromJSON(json);
  doc.check();
  return doc;
}
