import type { Node as PmNode } from "@tiptap/pm/model";

/** Separator between textblocks in the canonical text. */
export const BLOCK_SEPARATOR = "\n\n";

/** One textblock of the document: where its content starts in the document and in the text. */
export interface TextSegment {
  /** ProseMirror position of the first position inside the textblock. */
  pos: number;
  /** Code unit offset of the block's text in the canonical text. */
  offset: number;
  /** Length of the block's text in code units (equal to its content size). */
  length: number;
}

export interface CanonicalText {
  /** The canonical text (a JS string: offsets here are UTF-16 code units). */
  text: string;
  segments: TextSegment[];
}

function inlineText(block: PmNode): string {
  let out = "";
  block.forEach((child) => {
    if (child.isText) out += child.text ?? "";
    // A hard break is one position wide and one character ("\n") long, so positions and
    // offsets stay in step inside a block. Any other inline leaf would break that.
    else if (child.type.name === "hardBreak") out += "\n";
    else out += "\uFFFC".repeat(child.nodeSize);
  });
  return out;
}

/**
 * The canonical text of an editor document: the text of every textblock (paragraphs,
 * headings, code blocks, and those inside lists and quotes) in document order, joined by
 * a blank line; a hard break is "\n". Shared by the browser and the server.
 *
 * Every textblock counts, an empty one too (it adds a separator), so that each block has
 * a segment and every cursor position maps to an offset. Leaf blocks (horizontal rules)
 * have no text and add nothing. Characters are kept as they are: NFC normalization
 * happens once at import, never here, or offsets and editor positions would fall out of
 * step.
 */
export function canonicalText(doc: PmNode): CanonicalText {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length;
    const text = inlineText(node);
    segments.push({ pos: pos + 1, offset, length: text.length });
    parts.push(text);
    offset += text.length;
    return false;
  });
  return { text: parts.join(BLOCK_SEPARATOR), segments };
}
