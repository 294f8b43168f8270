import { Fragment, type Node as PmNode, type Schema } from "@tiptap/pm/model";
import { cleanText } from "./clean-text";

/** One line of a textblock: its text nodes, between hard breaks. */
type Line = PmNode[];

function isList(node: PmNode): boolean {
  return (node.type.spec.group ?? "").split(" ").includes("list");
}

/**
 * Cleans text nodes and cuts the inline content into lines at hard breaks and "\n", each
 * trimmed: a blank line comes out as an empty one.
 */
function toLines(block: PmNode): Line[] {
  const schema = block.type.schema;
  const lines: Line[] = [[]];
  block.forEach((child) => {
    if (!child.isText) {
      // Hard breaks are the only other inline node of the schema.
      lines.push([]);
      return;
    }
    cleanText(child.text ?? "")
      .split("\n")
      .forEach((piece, i) => {
        if (i > 0) lines.push([]);
        if (piece) appendText(lines[lines.length - 1], schema.text(piece, child.marks));
      });
  });
  return lines.map(trimLine);
}

/**
 * Appends a text node to a line so that the line's text stays NFC: characters that compose
 * with the end of the previous node (an accent in another mark than its letter) join it.
 */
function appendText(line: Line, node: PmNode): void {
  const previous = line[line.length - 1];
  let before = previous?.text ?? "";
  let after = node.text ?? "";
  while (before && after && (before + after).normalize("NFC") !== before + after) {
    const first = String.fromCodePoint(after.codePointAt(0) ?? 0);
    before = (before + first).normalize("NFC");
    after = after.slice(first.length);
  }
  if (previous && before !== previous.text) line[line.length - 1] = node.type.schema.text(before, previous.marks);
  if (after) line.push(after === node.text ? node : node.type.schema.text(after, node.marks));
}

/** White space at the edges of a line (around a break, at a block's ends) is not text a reader sees. */
function trimLine(line: Line): Line {
  const nodes = [...line];
  while (nodes.length > 0) {
    const text = (nodes[0].text ?? "").trimStart();
    if (text) {
      nodes[0] = nodes[0].type.schema.text(text, nodes[0].marks);
      break;
    }
    nodes.shift();
  }
  while (nodes.length > 0) {
    const last = nodes[nodes.length - 1];
    const text = (last.text ?? "").trimEnd();
    if (text) {
      nodes[nodes.length - 1] = last.type.schema.text(text, last.marks);
      break;
    }
    nodes.pop();
  }
  return nodes;
}

function joinLines(schema: Schema, lines: Line[]): PmNode[] {
  return lines.flatMap((line, i) => (i === 0 ? line : [schema.nodes.hardBreak.create(), ...line]));
}

/**
 * A paragraph or heading without empty lines or edge white space. A blank line inside a
 * paragraph (`text<br><br>text`, the way many CMSes separate paragraphs) splits it in two,
 * so the canonical text never holds a blank line that is not a block boundary.
 */
function tidyTextblock(block: PmNode): PmNode[] {
  const schema = block.type.schema;
  const groups: Line[][] = [[]];
  for (const line of toLines(block)) {
    if (line.length > 0) groups[groups.length - 1].push(line);
    else if (groups[groups.length - 1].length > 0) groups.push([]);
  }
  const filled = groups.filter((group) => group.length > 0);
  if (block.type !== schema.nodes.paragraph && filled.length > 0) {
    return [block.type.create(block.attrs, joinLines(schema, filled.flat()), block.marks)];
  }
  return filled.map((group) => block.type.create(block.attrs, joinLines(schema, group), block.marks));
}

/** Code keeps its white space, except blank lines before it and any after it. */
function tidyCode(block: PmNode): PmNode[] {
  const code = cleanText(block.textContent)
    .replace(/^(?:[^\S\n]*\n)+/, "")
    .trimEnd();
  return code ? [block.type.create(block.attrs, block.type.schema.text(code), block.marks)] : [];
}

/** A heading or code block as a paragraph with the same text (code lines as hard breaks). */
function asParagraph(block: PmNode): PmNode {
  const schema = block.type.schema;
  if (block.type === schema.nodes.paragraph) return block;
  if (!block.type.spec.code) return schema.nodes.paragraph.create(null, block.content);
  const lines = block.textContent.split("\n").map((line) => (line ? [schema.text(line)] : []));
  return schema.nodes.paragraph.create(null, joinLines(schema, lines));
}

/**
 * A list item must open with a paragraph. When a tidied item opens with a heading or code,
 * that becomes the paragraph; when it opens with a quote, rule or list (its own paragraph
 * was empty), its text is kept as paragraphs and the inner structure flattened, rather
 * than leaving an empty paragraph that would put a blank block into the canonical text.
 */
function leadWithParagraph(children: PmNode[]): PmNode[] {
  const [first, ...rest] = children;
  if (first.isTextblock) return [asParagraph(first), ...rest];
  const paragraphs: PmNode[] = [];
  for (const child of children) {
    if (child.isTextblock) paragraphs.push(asParagraph(child));
    child.descendants((node) => {
      if (node.isTextblock) paragraphs.push(asParagraph(node));
      return !node.isTextblock;
    });
  }
  return paragraphs;
}

function tidyList(list: PmNode): PmNode[] {
  const items: PmNode[] = [];
  list.forEach((item) => {
    const children = tidyBlocks(item.content);
    if (children.length === 0) return;
    const previous = items[items.length - 1];
    // An item with no text of its own but a sub-list (`<li>&nbsp;<ul>…`, a way some editors
    // indent) is an indented part of the item before it.
    if (isList(children[0]) && previous) {
      items[items.length - 1] = previous.copy(previous.content.append(Fragment.from(children)));
      return;
    }
    const content = leadWithParagraph(children);
    if (content.length > 0) items.push(item.type.create(item.attrs, content, item.marks));
  });
  return items.length > 0 ? [list.type.create(list.attrs, items, list.marks)] : [];
}

function tidyBlock(node: PmNode): PmNode[] {
  if (node.type.spec.code) return tidyCode(node);
  if (node.isTextblock) return tidyTextblock(node);
  if (node.isLeaf) return [node];
  if (isList(node)) return tidyList(node);
  const children = tidyBlocks(node.content);
  return children.length > 0 ? [node.type.create(node.attrs, children, node.marks)] : [];
}

function tidyBlocks(content: Fragment): PmNode[] {
  const out: PmNode[] = [];
  content.forEach((child) => out.push(...tidyBlock(child)));
  return out;
}

/**
 * Normalizes an imported document: NFC text without control characters, no empty
 * paragraphs (Word pastes are full of them), no blank lines inside a block and no white
 * space at block or line edges. The canonical text of the result has exactly one blank
 * line between blocks and none elsewhere, code blocks' own blank lines aside.
 */
export function tidyDocument(doc: PmNode): PmNode {
  const schema = doc.type.schema;
  const blocks = tidyBlocks(doc.content);
  return doc.type.create(doc.attrs, blocks.length > 0 ? blocks : schema.nodes.paragraph.create());
}
