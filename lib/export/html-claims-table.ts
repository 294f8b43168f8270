import type { NumberedAnnotation } from "./annotation-layout";
import { escapeHtml } from "./escape-html";
import { annotationAnchor } from "./html-anchors";
import type { ExportLabels } from "./labels";
import { shortenClaim } from "./shorten-claim";

/** The claims and figures at a glance: one row each, linked to its footnote. */
export function renderClaimsTableHtml(items: NumberedAnnotation[], labels: ExportLabels): string {
  const rows = items
    .filter((i) => i.annotation.kind !== "source")
    .sort((a, b) => a.number - b.number)
    .map(({ number, annotation: a }) => {
      const verdict = a.verdict ? labels.verdict[a.verdict] : labels.noVerdict;
      const signOff = a.status === "verified" && a.signedOffBy ? a.signedOffBy.name : "—";
      return (
        `<tr><td><a href="#${escapeHtml(annotationAnchor(a.id))}">${number}</a></td>` +
        `<td>${escapeHtml(labels.kind[a.kind])}</td>` +
        `<td>${escapeHtml(shortenClaim(a.target.exact, 140))}</td>` +
        `<td><span class="badge verdict verdict-${a.verdict ?? "none"}">${escapeHtml(verdict)}</span></td>` +
        `<td>${escapeHtml(labels.status[a.status])}</td>` +
        `<td>${escapeHtml(signOff)}</td></tr>`
      );
    });
  const heading = `<h2 id="claims">${escapeHtml(labels.claimsTable)}</h2>`;
  if (rows.length === 0) return `<section class="claims">${heading}<p>${escapeHtml(labels.noClaims)}</p></section>\n`;
  const head = [labels.number, labels.kindColumn, labels.quote, labels.verdictColumn, labels.statusColumn, labels.signOffColumn]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join("");
  return `<section class="claims">${heading}\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>\n</section>\n`;
}
