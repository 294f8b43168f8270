import { layoutAnnotations } from "./annotation-layout";
import { escapeMarkdown } from "./escape-markdown";
import { formatExportDate } from "./format-date";
import { inlineRuns } from "./inline-runs";
import { exportLabels } from "./labels";
import { renderDocumentMarkdown } from "./markdown-document";
import { markdownFinding } from "./markdown-finding";
import { markdownLinkUrl } from "./markdown-link-url";
import type { ExportInput } from "./types";

/**
 * The annotated article as Markdown (CommonMark with GFM footnotes): the text with a
 * footnote reference after each annotated span, detached annotations in their own
 * section (a footnote nobody references is not rendered), the footnotes at the end.
 */
export function toMarkdown(input: ExportInput): string {
  const { article, options } = input;
  const labels = exportLabels(article.language);
  const layout = layoutAnnotations(input);
  const parts: string[] = [`# ${escapeMarkdown(article.title).replace(/(#+)([ \t]*)$/, "\\$1$2")}`];

  const meta: string[] = [];
  if (article.outlet) meta.push(escapeMarkdown(article.outlet));
  if (article.author) meta.push(escapeMarkdown(article.author));
  if (article.publishedAt) meta.push(escapeMarkdown(labels.publishedOn(formatExportDate(article.publishedAt, labels.locale))));
  const url = markdownLinkUrl(article.url);
  if (url) meta.push(`[${escapeMarkdown(labels.originalArticle)}](${url})`);
  if (meta.length) parts.push(meta.join(" · "));

  parts.push(renderDocumentMarkdown(layout.doc, inlineRuns(layout)));

  if (layout.detached.length > 0) {
    parts.push(`## ${escapeMarkdown(labels.detached)}`, escapeMarkdown(labels.detachedHint));
    parts.push(layout.detached.map((d) => `- \\[${d.number}\\] ${markdownFinding(d, input, labels, "  ")}`).join("\n"));
  }
  parts.push(`* * *\n\n*${escapeMarkdown(labels.generatedBy(formatExportDate(options.generatedAt.toISOString(), labels.locale)))}*`);
  if (layout.placed.length > 0) {
    parts.push(layout.placed.map((p) => `[^${p.number}]: ${markdownFinding(p, input, labels, "    ")}`).join("\n\n"));
  }
  return `${parts.join("\n\n")}\n`;
}
