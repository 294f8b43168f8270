import type { AnnotationDto, ArticleDto, CommentDto, UserRef } from "@/lib/annotations/types";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { parseDocument } from "@/lib/editor/schema";
import type { ExportInput } from "../types";

/** Test-only builders: an article from editor JSON, annotations from the words they cover. */

export const MARIE: UserRef = { id: "0b8c7e52-1d4f-4c1e-9a57-2f1f4f7e6a01", name: "Marie Dubois" };
export const KARIM: UserRef = { id: "5e0d2a9b-7c31-4b8e-8f0a-6d3c2b1a9e02", name: "Karim Benali" };
export const JANE: UserRef = { id: "c3a1f6d8-2b4e-4f9a-8d7c-1e5b3a2f0c03", name: "Jane O’Neill" };

type Inline = Record<string, unknown>;
export const t = (text: string, ...marks: string[]): Inline =>
  marks.length ? { type: "text", text, marks: marks.map((type) => ({ type })) } : { type: "text", text };
export const link = (text: string, href: string): Inline => ({ type: "text", text, marks: [{ type: "link", attrs: { href } }] });
export const br = (): Inline => ({ type: "hardBreak" });
export const p = (...content: Inline[]) => ({ type: "paragraph", content });
export const h = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [t(text)] });
export const quote = (...paragraphs: object[]) => ({ type: "blockquote", content: paragraphs });
export const ul = (...items: object[][]) => ({ type: "bulletList", content: items.map((c) => ({ type: "listItem", content: c })) });
export const ol = (start: number, ...items: object[][]) => ({
  type: "orderedList",
  attrs: { start },
  content: items.map((c) => ({ type: "listItem", content: c })),
});

export function buildArticle(fields: Omit<ArticleDto, "text" | "content" | "status" | "revision" | "createdAt" | "updatedAt"> & { blocks: object[] }): ArticleDto {
  const { blocks, ...rest } = fields;
  const content = { type: "doc", content: blocks };
  return {
    ...rest,
    status: "in_review",
    revision: 3,
    text: canonicalText(parseDocument(content)).text,
    content,
    createdAt: "2025-03-02T08:00:00.000Z",
    updatedAt: "2025-03-03T09:30:00.000Z",
  };
}

const CONTEXT = 32;

export interface AnnotationSpec extends Partial<Omit<AnnotationDto, "target">> {
  id: string;
  quote: string;
  /** Which occurrence of `quote` in the text (0 = first). */
  occurrence?: number;
}

/** An anchored annotation on the given words, with code point offsets as the API gives them. */
export function annotate(article: ArticleDto, spec: AnnotationSpec): AnnotationDto {
  const { quote: words, occurrence = 0, ...rest } = spec;
  let unit = -1;
  for (let i = 0; i <= occurrence; i++) {
    unit = article.text.indexOf(words, unit + 1);
    if (unit < 0) throw new Error(`fixture: ${JSON.stringify(words)} not in the text`);
  }
  const chars = Array.from(article.text);
  const start = Array.from(article.text.slice(0, unit)).length;
  const end = start + Array.from(words).length;
  return base(article, rest, {
    start,
    end,
    exact: words,
    prefix: chars.slice(Math.max(0, start - CONTEXT), start).join(""),
    suffix: chars.slice(end, end + CONTEXT).join(""),
  });
}

/** An orphan: its words are no longer in the text. */
export function orphan(article: ArticleDto, spec: AnnotationSpec & { prefix?: string; suffix?: string }): AnnotationDto {
  const { quote: words, prefix = "", suffix = "", occurrence, ...rest } = spec;
  void occurrence;
  return base(article, { anchor: "orphaned", ...rest }, { start: null, end: null, exact: words, prefix, suffix });
}

function base(article: ArticleDto, rest: Partial<AnnotationDto>, target: AnnotationDto["target"]): AnnotationDto {
  return {
    id: rest.id ?? "missing-id",
    articleId: article.id,
    kind: "claim",
    status: "unverified",
    verdict: null,
    anchor: "anchored",
    note: "",
    rationale: "",
    sourceId: null,
    evidence: [],
    author: MARIE,
    verdictBy: null,
    signedOffBy: null,
    signedOffAt: null,
    revision: article.revision,
    version: 1,
    createdAt: "2025-03-03T10:00:00.000Z",
    updatedAt: "2025-03-03T11:00:00.000Z",
    ...rest,
    target,
  };
}

export function comment(annotationId: string, id: string, author: UserRef, body: string, createdAt: string): CommentDto {
  return { id, annotationId, author, body, createdAt };
}

export const OPTIONS: ExportInput["options"] = {
  appUrl: "http://localhost:3000",
  includeNotes: false,
  organization: { name: "Les Vérificateurs", url: "https://verif.example.org" },
  generatedAt: new Date("2025-03-04T12:00:00.000Z"),
};
