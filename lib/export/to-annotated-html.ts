import { layoutAnnotations } from "./annotation-layout";
import { escapeHtml } from "./escape-html";
import { formatExportDate } from "./format-date";
import { renderClaimsTableHtml } from "./html-claims-table";
import { renderDocumentHtml } from "./html-document";
import { renderFindingHtml } from "./html-finding";
import { renderLegendHtml } from "./html-legend";
import { HTML_STYLES } from "./html-styles";
import { inlineRuns } from "./inline-runs";
import { exportLabels } from "./labels";
import { safeUrl } from "./safe-url";
import type { ExportInput } from "./types";

/**
 * Belt and braces for a file people open from their downloads folder: even if some text
 * slipped through unescaped, nothing could run and nothing could be fetched.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The annotated article as one standalone HTML file: highlights with footnote references,
 * a legend, the claims table, the footnotes and the detached annotations. No script, no
 * external resource: the only URLs are the article's own and evidence links.
 */
export function toAnnotatedHtml(input: ExportInput): string {
  const { article, options } = input;
  const labels = exportLabels(article.language);
  const layout = layoutAnnotations(input);
  const body = renderDocumentHtml(layout.doc, inlineRuns(layout), labels);

  const meta: string[] = [];
  if (article.outlet) meta.push(escapeHtml(article.outlet));
  if (article.author) meta.push(escapeHtml(article.author));
  if (article.publishedAt) meta.push(escapeHtml(labels.publishedOn(formatExportDate(article.publishedAt, labels.locale))));
  const articleUrl = safeUrl(article.url);
  if (articleUrl) meta.push(`<a href="${escapeHtml(articleUrl)}" rel="noopener noreferrer">${escapeHtml(labels.originalArticle)}</a>`);

  const findings = layout.placed.map((p) => renderFindingHtml(p, true, input, layout.byId, labels)).join("");
  const detached = layout.detached.map((d) => renderFindingHtml(d, false, input, layout.byId, labels)).join("");
  const generated = escapeHtml(labels.generatedBy(formatExportDate(options.generatedAt.toISOString(), labels.locale)));

  return `<!DOCTYPE html>
<html lang="${escapeHtml(article.language || labels.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Factmark">
<title>${escapeHtml(article.title)} — ${escapeHtml(labels.report)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<header>
<p class="kicker">${escapeHtml(labels.report)}</p>
<h1>${escapeHtml(article.title)}</h1>
${meta.length ? `<p class="meta">${meta.join(" · ")}</p>` : ""}
</header>
${renderLegendHtml(labels)}<main>
<article class="article">
${body}</article>
${renderClaimsTableHtml([...layout.placed, ...layout.detached], labels)}${
    findings ? `<section class="findings">\n<h2 id="findings">${escapeHtml(labels.findings)}</h2>\n<ol>\n${findings}</ol>\n</section>\n` : ""
  }${
    detached
      ? `<section class="detached">\n<h2 id="detached">${escapeHtml(labels.detached)}</h2>\n<p>${escapeHtml(labels.detachedHint)}</p>\n<ol>\n${detached}</ol>\n</section>\n`
      : ""
  }</main>
<footer><p>${generated}</p></footer>
</body>
</html>
`;
}
