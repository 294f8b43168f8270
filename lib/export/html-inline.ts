import type { Mark } from "@tiptap/pm/model";
import type { PlacedAnnotation } from "./annotation-layout";
import { escapeHtml } from "./escape-html";
import type { InlineRun } from "./inline-runs";
import type { ExportLabels } from "./labels";
import { safeUrl } from "./safe-url";
import { annotationAnchor, referenceAnchor } from "./html-anchors";

function openMark(mark: Mark): [string, string] {
  switch (mark.type.name) {
    case "bold":
      return ["<strong>", "</strong>"];
    case "italic":
      return ["<em>", "</em>"];
    case "underline":
      return ["<u>", "</u>"];
    case "strike":
      return ["<s>", "</s>"];
    case "code":
      return ["<code>", "</code>"];
    case "link": {
      const href = safeUrl(typeof mark.attrs.href === "string" ? mark.attrs.href : null);
      // An unsafe or broken link keeps its words and loses its target.
      return href ? [`<a href="${escapeHtml(href)}" rel="noopener noreferrer">`, "</a>"] : ["", ""];
    }
    default:
      return ["", ""];
  }
}

function highlight(p: PlacedAnnotation, labels: ExportLabels): [string, string] {
  const { kind, verdict } = p.annotation;
  const title = `${labels.kind[kind]} ${p.number}${verdict ? ` — ${labels.verdict[verdict]}` : ""}`;
  return [`<mark class="hl hl-${kind}" data-note="${p.number}" title="${escapeHtml(title)}">`, "</mark>"];
}

/**
 * One textblock's runs as HTML. Each run is wrapped whole in its marks and then in one
 * <mark> per annotation covering it, outermost annotation first; footnote references sit
 * between runs, so they never land inside a link.
 */
export function renderInlineHtml(runs: InlineRun[], labels: ExportLabels): string {
  let html = "";
  for (const run of runs) {
    if (run.type === "break") html += "<br>";
    else if (run.type === "ref") {
      const id = run.annotation.annotation.id;
      html +=
        `<sup class="ref"><a href="#${escapeHtml(annotationAnchor(id))}" id="${escapeHtml(referenceAnchor(id))}">` +
        `[${run.annotation.number}]</a></sup>`;
    } else {
      const wrappers = [...run.marks.map(openMark), ...run.covering.map((p) => highlight(p, labels))];
      html += wrappers.map(([open]) => open).join("");
      html += escapeHtml(run.text);
      html += wrappers.map(([, close]) => close).reverse().join("");
    }
  }
  return html;
}
