import { ANNOTATION_KINDS } from "@/lib/annotations/types";
import { escapeHtml } from "./escape-html";
import type { ExportLabels } from "./labels";

/** What the highlights mean: each kind by colour, by underline pattern and by name. */
export function renderLegendHtml(labels: ExportLabels): string {
  const items = ANNOTATION_KINDS.map(
    (kind) =>
      `<li><mark class="hl hl-${kind}">${escapeHtml(labels.kind[kind])}</mark> ${escapeHtml(labels.pattern[kind])}</li>`,
  ).join("\n");
  return (
    `<aside class="legend" aria-labelledby="legend-title">\n<h2 id="legend-title">${escapeHtml(labels.legend)}</h2>\n` +
    `<ul>\n${items}\n</ul>\n<p>${escapeHtml(labels.legendHint)} ${escapeHtml(labels.overlapHint)}</p>\n</aside>\n`
  );
}
