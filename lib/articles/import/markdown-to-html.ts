import { Marked } from "marked";

// Our own instance, so that no other module's `marked.use()` changes how articles import.
// CommonMark semantics: a single newline inside a paragraph is a space, not a break.
const markdown = new Marked({ gfm: true, breaks: false });

/** Renders Markdown to HTML; raw HTML inside it is left to the HTML sanitizer. */
export function markdownToHtml(source: string): string {
  return markdown.parse(source, { async: false });
}
