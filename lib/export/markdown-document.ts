import type { Node as PmNode } from "@tiptap/pm/model";
import type { InlineRun } from "./inline-runs";
import { escapeMarkdownLineStarts } from "./markdown-line-starts";
import { renderInlineMarkdown } from "./markdown-inline";

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split("\n")
    .map((line, i) => (line === "" ? line : (i === 0 ? first : rest) + line))
    .join("\n");
}

/** A code block keeps its text verbatim; its footnote references follow the fence. */
function codeBlock(node: PmNode, runs: InlineRun[]): string {
  const text = runs.map((r) => (r.type === "text" ? r.text : r.type === "break" ? "\n" : "")).join("");
  const refs = runs.flatMap((r) => (r.type === "ref" ? [`[^${r.annotation.number}]`] : [])).join("");
  const longest = Math.max(2, ...Array.from(text.matchAll(/^[ \t]*(`{3,}|~{3,})/gm), (m) => m[1].length));
  const fence = "`".repeat(longest + 1);
  const language = typeof node.attrs.language === "string" ? node.attrs.language.replace(/[^\w+-]/g, "") : "";
  return `${fence}${language}\n${text}\n${fence}${refs ? `\n\n${refs}` : ""}`;
}

/**
 * The article body as Markdown blocks, walking the ProseMirror tree of the shared schema.
 * Headings move down one level under the title. Textblocks take their annotated runs in
 * document order.
 */
export function renderDocumentMarkdown(doc: PmNode, runs: InlineRun[][]): string {
  let next = 0;
  const take = () => runs[next++] ?? [];
  const blocks = (node: PmNode): string[] => {
    const out: string[] = [];
    node.forEach((child) => {
      const rendered = block(child);
      if (rendered !== "") out.push(rendered);
    });
    return out;
  };
  const block = (node: PmNode): string => {
    switch (node.type.name) {
      case "heading": {
        const level = Math.min(6, Math.max(2, Number(node.attrs.level) + 1));
        // A closing run of # would be read as the heading's optional closing sequence.
        const text = renderInlineMarkdown(take(), { breaksAsSpaces: true }).replace(/(#+)([ \t]*)$/, "\\$1$2");
        return `${"#".repeat(level)} ${text}`;
      }
      case "codeBlock":
        return codeBlock(node, take());
      case "blockquote":
        return prefixLines(blocks(node).join("\n\n"), "> ", "> ").replace(/\n\n/g, "\n>\n");
      case "bulletList":
      case "orderedList": {
        const start = node.type.name === "orderedList" && Number.isInteger(Number(node.attrs.start)) ? Number(node.attrs.start) : 1;
        const items: string[] = [];
        node.forEach((item, _offset, i) => {
          const marker = node.type.name === "bulletList" ? "- " : `${start + i}. `;
          items.push(prefixLines(blocks(item).join("\n\n"), marker, " ".repeat(marker.length)));
        });
        return items.join("\n");
      }
      case "horizontalRule":
        return "* * *";
      default:
        return node.isTextblock ? escapeMarkdownLineStarts(renderInlineMarkdown(take())) : blocks(node).join("\n\n");
    }
  };
  return blocks(doc).join("\n\n");
}
