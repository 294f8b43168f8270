/**
 * Escapes characters that Markdown (CommonMark + GFM) would read as syntax anywhere in a
 * line: emphasis, code, links, footnote brackets, HTML, entities, tables, strikethrough.
 * Backslash escapes work on all of them. Line-start syntax is escapeMarkdownLineStarts's job.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~]/g, "\\$&");
}
