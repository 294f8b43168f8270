import { escapeHtml } from "./escape-html";

/** Escaped text whose line breaks stay visible (rationales and notes are typed with them). */
export function htmlText(text: string): string {
  return escapeHtml(text.trim()).replace(/\r?\n/g, "<br>");
}
