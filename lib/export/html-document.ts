import type { Node as PmNode } from "@tiptap/pm/model";
import { escapeHtml } from "./escape-html";
import { renderInlineHtml } from "./html-inline";
import type { InlineRun } from "./inline-runs";
import type { ExportLabels } from "./labels";

/**
 * The article body as HTML, walking the ProseMirror tree of the shared schema. Textblocks
 * take their annotated runs in document order. Headings move down one level: the
 * article's title is the page's only h1.
 */
export function renderDocumentHtml(doc: PmNode, runs: InlineRun[][], labels: ExportLabels): string {
  let next = 0;
  const inline = () => renderInlineHtml(runs[next++] ?? [], labels);
  const children = (node: PmNode) => {
    let html = "";
    node.forEach((child) => {
      html += block(child);
    });
    return html;
  };
  const block = (node: PmNode): string => {
    switch (node.type.name) {
      case "paragraph":
        return `<p>${inline()}</p>\n`;
      case "heading": {
        const level = Math.min(6, Math.max(2, Number(node.attrs.level) + 1));
        return `<h${level}>${inline()}</h${level}>\n`;
      }
      case "codeBlock": {
        const language = typeof node.attrs.language === "string" ? node.attrs.language.replace(/[^\w+-]/g, "") : "";
        const cls = language ? ` class="language-${escapeHtml(language)}"` : "";
        return `<pre><code${cls}>${inline()}</code></pre>\n`;
      }
      case "blockquote":
        return `<blockquote>\n${children(node)}</blockquote>\n`;
      case "bulletList":
        return `<ul>\n${children(node)}</ul>\n`;
      case "orderedList": {
        const start = Number(node.attrs.start);
        const attr = Number.isInteger(start) && start !== 1 ? ` start="${start}"` : "";
        return `<ol${attr}>\n${children(node)}</ol>\n`;
      }
      case "listItem":
        return `<li>${children(node)}</li>\n`;
      case "horizontalRule":
        return "<hr>\n";
      default:
        // A textblock of a type this renderer does not know still shows its text.
        return node.isTextblock ? `<p>${inline()}</p>\n` : children(node);
    }
  };
  return children(doc);
}
