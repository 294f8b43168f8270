import type { NumberedAnnotation } from "./annotation-layout";
import { attributedSource } from "./attributed-source";
import { escapeMarkdown } from "./escape-markdown";
import { formatExportDate } from "./format-date";
import type { ExportLabels } from "./labels";
import { markdownLinkUrl } from "./markdown-link-url";
import { withQuoteMarks } from "./quote-marks";
import type { ExportInput } from "./types";

/** Free text on one Markdown line: escaped, its own line breaks kept as hard breaks. */
const inlineText = (text: string, indent: string) =>
  escapeMarkdown(text.trim()).replace(/\r?\n/g, `\\\n${indent}`);

/**
 * What was found about one annotation, as the lines of a footnote (or of a list item for
 * a detached annotation): kind, verdict, status and quote first, then rationale, internal
 * note (only when asked for), attribution, evidence and sign-off. Lines after the first
 * are indented by `indent` and joined with hard breaks.
 */
export function markdownFinding(item: NumberedAnnotation, input: ExportInput, labels: ExportLabels, indent: string): string {
  const a = item.annotation;
  const colon = labels.colon;
  const head = [`**${escapeMarkdown(labels.kind[a.kind])}**`];
  if (a.verdict) head.push(escapeMarkdown(labels.verdict[a.verdict]));
  head.push(escapeMarkdown(labels.status[a.status]));
  const lines = [`${head.join(" · ")} — ${inlineText(withQuoteMarks(a.target.exact, labels.locale), indent)}`];
  if (a.rationale.trim()) lines.push(`${escapeMarkdown(labels.rationale)}${colon}${inlineText(a.rationale, indent)}`);
  if (input.options.includeNotes && a.note.trim()) {
    lines.push(`${escapeMarkdown(labels.internalNote)}${colon}${inlineText(a.note, indent)}`);
  }
  const source = attributedSource(input.annotations, a);
  if (source) {
    lines.push(`${escapeMarkdown(labels.attributedTo)}${colon}${inlineText(withQuoteMarks(source.target.exact, labels.locale), indent)}`);
  }
  if (a.evidence.length > 0) {
    const links = a.evidence.map((e) => {
      const url = markdownLinkUrl(e.url);
      const name = inlineText(e.title || e.url, indent);
      // An unsafe URL (javascript:, data:…) is shown as escaped text, never as a link.
      const linked = url ? `[${name}](${url})` : name;
      return e.quote.trim() ? `${linked} (${inlineText(withQuoteMarks(e.quote, labels.locale), indent)})` : linked;
    });
    lines.push(`${escapeMarkdown(labels.evidence)}${colon}${links.join(" ; ")}`);
  }
  if (a.status === "verified" && a.signedOffBy) {
    const date = a.signedOffAt ? formatExportDate(a.signedOffAt, labels.locale) : "—";
    lines.push(escapeMarkdown(labels.signedOffBy(a.signedOffBy.name, date)));
  }
  return lines.join(`\\\n${indent}`);
}
