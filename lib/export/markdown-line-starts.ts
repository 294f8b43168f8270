/** Line starts that Markdown would read as a block; each needs one backslash to stay text. */
const BLOCK_STARTS: RegExp[] = [
  /^([ \t]*)(>)/, // block quote
  /^([ \t]*)(#{1,6})(?=[ \t]|$)/, // ATX heading
  /^([ \t]*)([-+])(?=[ \t]|$)/, // bullet list item
  /^([ \t]*\d{1,9})([.)])(?=[ \t]|$)/, // ordered list item
  /^([ \t]*)([=-])(?=[=-]*[ \t]*$)/, // setext underline or thematic break
];

/**
 * Escapes what would turn a line of text into a block: a quote, a heading, a list item, a
 * setext underline or a rule. Applied to each line of a paragraph after inline escaping.
 */
export function escapeMarkdownLineStarts(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const rule = BLOCK_STARTS.find((r) => r.test(line));
      return rule ? line.replace(rule, "$1\\$2") : line;
    })
    .join("\n");
}
