import type { Node as PmNode } from "@tiptap/pm/model";
import { editorSchema } from "@/lib/editor/schema";
import { cleanText } from "./clean-text";

/** A line holding nothing but white space (NBSP included) ends a paragraph. */
const BLANK_LINE = /\n\s*\n/;

/**
 * Splits plain text into paragraphs. Text mode is verbatim: a line starting with "#" or "-"
 * is text, not markup, and spaces inside a line are kept as typed.
 *
 * Paragraphs are separated by blank lines; a single newline inside a paragraph is a hard
 * break rather than a space, because in wire copy and pasted quotes the lines are the
 * writer's (a dateline, a verse, a list of figures) and the editor can still remove a
 * break, whereas a space would have silently merged them. One exception: text with no
 * blank line between its lines is what Word, Google Docs and most CMS exports put on the
 * clipboard, one paragraph per line, so there each line is a paragraph.
 */
export function textToDocument(body: string): PmNode {
  const schema = editorSchema();
  const text = cleanText(body).trim();
  const blocks = BLANK_LINE.test(text) ? text.split(BLANK_LINE) : text.split("\n");
  const paragraphs: PmNode[] = [];
  for (const block of blocks) {
    const lines = block
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    const inline = lines.flatMap((line, i) =>
      i === 0 ? [schema.text(line)] : [schema.nodes.hardBreak.create(), schema.text(line)],
    );
    paragraphs.push(schema.nodes.paragraph.create(null, inline));
  }
  return schema.topNodeType.create(null, paragraphs.length ? paragraphs : schema.nodes.paragraph.create());
}
