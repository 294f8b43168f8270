import type { Mark } from "@tiptap/pm/model";
import { escapeMarkdown } from "./escape-markdown";
import type { InlineRun } from "./inline-runs";
import { markdownLinkUrl } from "./markdown-link-url";

interface OpenMark {
  key: string;
  name: string;
  href?: string;
}

const DELIMITER: Record<string, string> = { bold: "**", italic: "*", strike: "~~" };

/** The marks Markdown can write, outermost first (the schema already orders them so). */
function markdownMarks(marks: readonly Mark[]): OpenMark[] {
  const out: OpenMark[] = [];
  for (const mark of marks) {
    const name = mark.type.name;
    if (name === "link") {
      const href = markdownLinkUrl(typeof mark.attrs.href === "string" ? mark.attrs.href : null);
      if (href) out.push({ key: `link ${href}`, name, href });
    } else if (name === "code" || name in DELIMITER) out.push({ key: name, name });
    // Underline has no Markdown syntax; its words stay, unmarked.
  }
  return out;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

export interface MarkdownInlineOptions {
  /** Headings cannot hold a line break: it becomes a space there. */
  breaksAsSpaces?: boolean;
}

/**
 * One textblock's runs as Markdown. Marks stay open across runs that share them (so
 * `**a**` is not split into `**a****b**`, which Markdown would misread); delimiters are
 * kept tight against the words, as CommonMark's flanking rules require; footnote
 * references that fall inside a link or code span wait until it closes.
 */
export function renderInlineMarkdown(runs: InlineRun[], options: MarkdownInlineOptions = {}): string {
  let out = "";
  const stack: OpenMark[] = [];
  let code: string | null = null;
  let pending: string[] = [];

  const flushPending = () => {
    if (stack.some((m) => m.name === "link" || m.name === "code")) return;
    out += pending.join("");
    pending = [];
  };
  const closeTo = (depth: number) => {
    while (stack.length > depth) {
      const mark = stack.pop() as OpenMark;
      if (mark.name === "code") {
        out += codeSpan(code ?? "");
        code = null;
        continue;
      }
      const trailing = /[^\S\n]+$/u.exec(out)?.[0] ?? "";
      out = out.slice(0, out.length - trailing.length);
      out += mark.name === "link" ? `](${mark.href})` : DELIMITER[mark.name];
      out += trailing;
    }
    flushPending();
  };
  const write = (text: string) => {
    if (code !== null) code += text;
    else out += escapeMarkdown(text);
  };

  for (const run of runs) {
    if (run.type === "ref") {
      pending.push(`[^${run.annotation.number}]`);
      flushPending();
    } else if (run.type === "break") {
      closeTo(0);
      out += options.breaksAsSpaces ? " " : "\\\n";
    } else if (run.text.trim() === "" && code === null) {
      // Whitespace alone never opens or closes emphasis: `** **` is not emphasis.
      out += run.text;
    } else {
      const wanted = markdownMarks(run.marks);
      let common = 0;
      while (common < stack.length && common < wanted.length && stack[common].key === wanted[common].key) common++;
      closeTo(common);
      let text = run.text;
      if (common < wanted.length && code === null) {
        const leading = /^[^\S\n]+/u.exec(text)?.[0] ?? "";
        out += leading;
        text = text.slice(leading.length);
      }
      for (const mark of wanted.slice(common)) {
        stack.push(mark);
        if (mark.name === "code") code = "";
        else out += mark.name === "link" ? "[" : DELIMITER[mark.name];
      }
      write(text);
    }
  }
  closeTo(0);
  out += pending.join("");
  return out;
}
