import type { AnnotationDto, EvidenceDto } from "@/lib/annotations/types";
import type { NumberedAnnotation } from "./annotation-layout";
import { attributedSource } from "./attributed-source";
import { escapeHtml } from "./escape-html";
import { formatExportDate } from "./format-date";
import { annotationAnchor, referenceAnchor } from "./html-anchors";
import { htmlText } from "./html-text";
import type { ExportLabels } from "./labels";
import { withQuoteMarks } from "./quote-marks";
import { safeUrl } from "./safe-url";
import type { ExportInput } from "./types";

function evidenceItem(e: EvidenceDto, labels: ExportLabels, includeNotes: boolean): string {
  const href = safeUrl(e.url);
  const name = htmlText(e.title || e.url);
  // A URL that may not become a link (javascript:, data:, garbage) is shown as text.
  let html = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${name}</a>` : `<span class="bad-url">${name}</span>`;
  if (e.quote.trim()) html += ` — ${htmlText(withQuoteMarks(e.quote.trim(), labels.locale))}`;
  if (includeNotes && e.note.trim()) html += ` <span class="note">(${escapeHtml(labels.internalNote + labels.colon)}${htmlText(e.note)})</span>`;
  return `<li>${html}</li>`;
}

function badge(cls: string, text: string) {
  return `<span class="badge ${cls}">${escapeHtml(text)}</span>`;
}

/** One footnote: what was found about one annotated passage. */
export function renderFindingHtml(
  item: NumberedAnnotation,
  placed: boolean,
  input: ExportInput,
  byId: Map<string, NumberedAnnotation>,
  labels: ExportLabels,
): string {
  const a: AnnotationDto = item.annotation;
  const parts: string[] = [];
  const head = [
    `<span class="num">${item.number}</span>`,
    badge(`kind kind-${a.kind}`, labels.kind[a.kind]),
    a.verdict ? badge(`verdict verdict-${a.verdict}`, labels.verdict[a.verdict]) : "",
    badge(`status status-${a.status}`, labels.status[a.status]),
  ].filter(Boolean);
  parts.push(`<p class="finding-head">${head.join(" ")}</p>`);
  parts.push(`<p class="finding-quote">${htmlText(withQuoteMarks(a.target.exact, labels.locale))}</p>`);
  if (a.rationale.trim()) parts.push(`<p><strong>${escapeHtml(labels.rationale)}</strong>${escapeHtml(labels.colon)}${htmlText(a.rationale)}</p>`);
  if (input.options.includeNotes && a.note.trim()) {
    parts.push(`<p class="note"><strong>${escapeHtml(labels.internalNote)}</strong>${escapeHtml(labels.colon)}${htmlText(a.note)}</p>`);
  }
  const source = attributedSource(input.annotations, a);
  const sourceNumber = source ? byId.get(source.id)?.number : undefined;
  if (source && sourceNumber !== undefined) {
    const quote = htmlText(withQuoteMarks(source.target.exact, labels.locale));
    parts.push(
      `<p>${escapeHtml(labels.attributedTo + labels.colon)}<a href="#${escapeHtml(annotationAnchor(source.id))}">[${sourceNumber}]</a> ${quote}</p>`,
    );
  }
  if (a.evidence.length > 0) {
    const items = a.evidence.map((e) => evidenceItem(e, labels, input.options.includeNotes)).join("");
    parts.push(`<div class="evidence"><strong>${escapeHtml(labels.evidence)}</strong><ul>${items}</ul></div>`);
  }
  const signedOff =
    a.status === "verified" && a.signedOffBy
      ? labels.signedOffBy(a.signedOffBy.name, a.signedOffAt ? formatExportDate(a.signedOffAt, labels.locale) : "—")
      : labels.notSignedOff;
  parts.push(`<p class="signoff">${escapeHtml(signedOff)}</p>`);
  if (placed) {
    parts.push(`<p class="back"><a href="#${escapeHtml(referenceAnchor(a.id))}">↩ ${escapeHtml(labels.backToText)}</a></p>`);
  }
  return `<li class="finding finding-${a.kind}" id="${escapeHtml(annotationAnchor(a.id))}">\n${parts.join("\n")}\n</li>\n`;
}
