import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AnchorState } from "../../annotations/types";
import { BLOCK_SEPARATOR } from "../canonical-text";

/**
 * The regression corpus: team-written news articles with annotations (by quote) and
 * realistic edits, each with the anchor state every annotation must end up in.
 */

export type CorpusOp =
  | { replace: string; with: string }
  | { replaceAll: string; with: string }
  | { removeParagraph: number }
  | { insertParagraph: number; text: string }
  | { moveParagraph: number; to: number };

/** The state an annotation must end in; a drifted one also names the words it must then cover. */
export type CorpusExpectation = Exclude<AnchorState, "drifted"> | { anchor: "drifted"; exact: string };

export interface CorpusArticle {
  file: string;
  title: string;
  language: string;
  paragraphs: string[];
  annotations: { id: string; kind: string; exact: string; prefix?: string; suffix?: string }[];
  /** Annotations not named in `expect` must stay anchored. */
  edits: { name: string; ops: CorpusOp[]; expect: Record<string, CorpusExpectation> }[];
}

const CORPUS_DIR = join(import.meta.dirname, "corpus");

export function loadCorpus(): CorpusArticle[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(CORPUS_DIR, file), "utf8")) as Omit<CorpusArticle, "file">) }));
}

function replaceOnce(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at === -1 || text.indexOf(find, at + 1) !== -1) {
    throw new Error(`corpus edit: "${find}" must occur exactly once`);
  }
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** Applies the edit's operations in order; paragraphs are joined as canonical text joins blocks. */
export function applyCorpusOps(paragraphs: readonly string[], ops: readonly CorpusOp[]): string {
  let blocks = [...paragraphs];
  for (const op of ops) {
    if ("replace" in op) blocks = replaceOnce(blocks.join(BLOCK_SEPARATOR), op.replace, op.with).split(BLOCK_SEPARATOR);
    else if ("replaceAll" in op) blocks = blocks.map((block) => block.split(op.replaceAll).join(op.with));
    else if ("removeParagraph" in op) blocks.splice(op.removeParagraph, 1);
    else if ("insertParagraph" in op) blocks.splice(op.insertParagraph, 0, op.text);
    else blocks.splice(op.to, 0, ...blocks.splice(op.moveParagraph, 1));
  }
  return blocks.join(BLOCK_SEPARATOR);
}
