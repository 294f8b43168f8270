import { Marked } from "marked";
import { validationFailed } from "@/lib/api/errors";

// Our own instance, so that no other module's `marked.use()` changes how articles import.
// CommonMark semantics: a single newline inside a paragraph is a space, not a break.
const markdown = new Marked({ gfm: true, breaks: false });

/**
 * A line opening with this many characters of quote markers, list markers and indentation
 * is no article. marked recurses once per level (thousands of levels overflow the stack)
 * and slows down with the square of the depth, so such input is refused up front.
 */
const DEEP_NESTING = /^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t]){128}/m;

/** Renders Markdown to HTML; raw HTML inside it is left to the HTML sanitizer. */
export function markdownToHtml(source: string): string {
  if (DEEP_NESTING.test(source)) {
    throw validationFailed({ body: "is nested too deeply (quotes or lists)" }, "The Markdown is nested too deeply");
  }
  return markdown.parse(source, { async: false });
}
