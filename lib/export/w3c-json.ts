import { codePointIndex, type CodePointIndex } from "@/lib/anchoring/code-points";
import type { AnnotationDto } from "@/lib/annotations/types";
import { exportItems } from "./export-items";
import { safeUrl } from "./safe-url";
import type { ExportArticle, ExportInput, ExportItem, ExportOptions } from "./types";
import { Utf8Writer, utf8 } from "./utf8-writer";
import { w3cIris, type W3cIris } from "./w3c-iris";
import { ANNO_CONTEXT } from "./w3c-types";

const CONTEXT = 32;
const json = JSON.stringify;

/** The constant pieces of an annotation record, as UTF-8 (see the constructor). */
type Pieces = Record<
  | "classifying"
  | "assessing"
  | "commenting"
  | "format"
  | "language"
  | "creator6"
  | "created6"
  | "end5"
  | "end6"
  | "bodySep"
  | "linkId"
  | "link"
  | "resourceId"
  | "label7"
  | "annotationType7"
  | "evidenceSelector"
  | "annotation"
  | "annotationType"
  | "canonical"
  | "motivation"
  | "commentingPurpose"
  | "linkingPurpose"
  | "creator4"
  | "created4"
  | "modified4"
  | "body"
  | "target"
  | "end3"
  | "quote5"
  | "quote6"
  | "prefix5"
  | "prefix6"
  | "suffix5"
  | "suffix6"
  | "positioned"
  | "end7"
  | "positionedQuote"
  | "positionedEnd"
  | "itemFirst"
  | "itemNext",
  Uint8Array
>;

/**
 * The W3C AnnotationCollection of toW3cCollection written straight as UTF-8, a record at a
 * time, so that a collection of any size can be streamed: `open(total)`, then `item()` for
 * each annotation in document order, then `close()`, taking the bytes from `out` whenever
 * convenient. The bytes are exactly those of
 * `JSON.stringify(toW3cCollection(input), null, pretty ? 2 : undefined)` (the unit tests
 * compare them); no object tree and no string is built per annotation, and what every
 * annotation shares (IRIs, people, language, the code point index of the text, the
 * indentation and keys) is prepared once.
 */
export class W3cJsonWriter {
  readonly out: Utf8Writer;
  private readonly iris: W3cIris;
  private readonly text: string;
  private readonly index: CodePointIndex;
  private readonly includeNotes: boolean;
  /** Line break and indentation of each depth ("" when compact). */
  private readonly nl: string[];
  private readonly colon: string;
  private readonly p: Pieces;
  /** `{type: Person, name}` at depth 4 (an annotation's creator) and 6 (a body's), by name. */
  private readonly people = [new Map<string, Uint8Array>(), new Map<string, Uint8Array>()];
  private count = 0;

  constructor(
    private readonly article: ExportArticle,
    private readonly options: ExportOptions,
    pretty: boolean,
    out = new Utf8Writer(),
  ) {
    this.out = out;
    this.iris = w3cIris({ article, options });
    this.text = article.text;
    this.index = codePointIndex(article.text);
    this.includeNotes = options.includeNotes;
    const nl = Array.from({ length: 9 }, (_, depth) => (pretty ? `\n${"  ".repeat(depth)}` : ""));
    const colon = pretty ? ": " : ":";
    this.nl = nl;
    this.colon = colon;
    /** The first field of an object whose fields are at depth d, and any further one. */
    const open = (d: number, key: string) => `{${nl[d]}"${key}"${colon}`;
    const next = (d: number, key: string) => `,${nl[d]}"${key}"${colon}`;
    const textual = (purpose: string) => `${open(6, "type")}"TextualBody"${next(6, "purpose")}"${purpose}"${next(6, "value")}`;
    const pieces: Record<keyof Pieces, string> = {
      classifying: textual("classifying"),
      assessing: textual("assessing"),
      commenting: textual("commenting"),
      format: `${next(6, "format")}"text/plain"`,
      language: `${next(6, "language")}${json(article.language.trim() || "und")}`,
      creator6: next(6, "creator"),
      created6: next(6, "created"),
      end5: `${nl[5]}}`,
      end6: `${nl[6]}}`,
      bodySep: `,${nl[5]}`,
      linkId: open(6, "id"),
      link: `${next(6, "type")}"SpecificResource"${next(6, "purpose")}"linking"${next(6, "source")}`,
      resourceId: open(7, "id"),
      label7: next(7, "label"),
      annotationType7: `${next(7, "type")}"Annotation"`,
      evidenceSelector: `${next(6, "selector")}${open(7, "type")}"TextQuoteSelector"${next(7, "exact")}`,
      annotation: `${open(4, "id")}`,
      annotationType: `${next(4, "type")}"Annotation"`,
      canonical: next(4, "canonical"),
      motivation: `${next(4, "motivation")}[${nl[5]}"classifying",${nl[5]}"assessing"`,
      commentingPurpose: `,${nl[5]}"commenting"`,
      linkingPurpose: `,${nl[5]}"linking"`,
      creator4: `${nl[4]}]${next(4, "creator")}`,
      created4: next(4, "created"),
      modified4: next(4, "modified"),
      body: `${next(4, "body")}[${nl[5]}`,
      target: `${nl[4]}]${next(4, "target")}${open(5, "type")}"SpecificResource"${next(5, "source")}${json(this.iris.articleSource)}${next(5, "selector")}`,
      end3: `${nl[4]}}${nl[3]}}`,
      quote5: `${open(6, "type")}"TextQuoteSelector"${next(6, "exact")}`,
      quote6: `${open(7, "type")}"TextQuoteSelector"${next(7, "exact")}`,
      prefix5: next(6, "prefix"),
      prefix6: next(7, "prefix"),
      suffix5: next(6, "suffix"),
      suffix6: next(7, "suffix"),
      positioned: `[${nl[6]}${open(7, "type")}"TextPositionSelector"${next(7, "start")}`,
      end7: next(7, "end"),
      positionedQuote: `${nl[6]}},${nl[6]}`,
      positionedEnd: `${nl[5]}]`,
      itemFirst: nl[3],
      itemNext: `,${nl[3]}`,
    };
    this.p = Object.fromEntries(Object.entries(pieces).map(([k, v]) => [k, utf8(v)])) as Pieces;
  }

  private person(depth: 4 | 6, name: string): Uint8Array {
    const cache = this.people[depth === 4 ? 0 : 1];
    let written = cache.get(name);
    if (written === undefined) {
      const { nl, colon } = this;
      written = utf8(`{${nl[depth + 1]}"type"${colon}"Person",${nl[depth + 1]}"name"${colon}${json(name)}${nl[depth]}}`);
      cache.set(name, written);
    }
    return written;
  }

  /** `{` + fields + `}` at `depth`, the fields already written as `"key": value`. */
  private object(depth: number, fields: string[]): string {
    return `{${this.nl[depth + 1]}${fields.join(`,${this.nl[depth + 1]}`)}${this.nl[depth]}}`;
  }

  private field(key: string, value: string): string {
    return `"${key}"${this.colon}${value}`;
  }

  /** The collection up to its first item: `total` is the number of items that will follow. */
  open(total: number): void {
    const { iris, options, article, nl, colon } = this;
    const generator = this.object(1, [this.field("type", '"Software"'), this.field("name", '"Factmark"'), this.field("homepage", json(`${iris.app}/`))]);
    const head = [
      this.field("@context", json(ANNO_CONTEXT)),
      this.field("id", json(iris.collection)),
      this.field("type", '"AnnotationCollection"'),
      this.field("label", json(article.title)),
      this.field("total", json(total)),
      this.field("generated", json(options.generatedAt.toISOString())),
      this.field("generator", generator),
    ];
    const page = [this.field("id", json(iris.page)), this.field("type", '"AnnotationPage"'), this.field("startIndex", "0")];
    // JSON.stringify escapes lone surrogates, so text() writes these exactly.
    this.out.text(`{${nl[1]}${head.join(`,${nl[1]}`)},${nl[1]}"first"${colon}{${nl[2]}${page.join(`,${nl[2]}`)},${nl[2]}"items"${colon}[`);
  }

  /** The end of the collection, after the last item. */
  close(): void {
    const { nl, colon } = this;
    const items = this.count === 0 ? "]" : `${nl[2]}]`;
    this.out.text(`${items}${nl[1]}},${nl[1]}"last"${colon}${json(this.iris.page)}${nl[0]}}`);
  }

  /**
   * The next annotation (in document order), at depth 3, with the comma before it; its
   * fields and bodies in the order of toW3cCollection and w3cBodies (which say what each one
   * means).
   */
  item({ annotation: a, comments, source }: ExportItem): void {
    const { p, iris, out } = this;
    out.bytes(this.count++ === 0 ? p.itemFirst : p.itemNext);
    const iri = iris.annotation(a.id);
    const canonical = iris.canonical(a.id);
    // Evidence that is not an http(s) or mailto URL is left out, as in w3cBodies.
    const urls = a.evidence.length ? a.evidence.map((e) => safeUrl(e.url)) : null;
    const commenting = comments.length > 0 || (this.includeNotes && a.note.trim() !== "");
    const linking = source !== null || (urls !== null && urls.some((url) => url !== null));

    out.bytes(p.annotation);
    out.jsonString(iri);
    out.bytes(p.annotationType);
    if (canonical) {
      out.bytes(p.canonical);
      out.jsonString(canonical);
    }
    out.bytes(p.motivation);
    if (commenting) out.bytes(p.commentingPurpose);
    if (linking) out.bytes(p.linkingPurpose);
    out.bytes(p.creator4);
    out.bytes(this.person(4, a.author.name));
    out.bytes(p.created4);
    out.jsonString(a.createdAt);
    out.bytes(p.modified4);
    out.jsonString(a.updatedAt);

    out.bytes(p.body);
    this.textual(p.classifying, a.kind);
    out.bytes(p.end5);
    out.bytes(p.bodySep);
    this.textual(p.assessing, a.status);
    const signer = a.status === "verified" ? a.signedOffBy : null;
    if (signer) {
      out.bytes(p.creator6);
      out.bytes(this.person(6, signer.name));
      if (a.signedOffAt) {
        out.bytes(p.created6);
        out.jsonString(a.signedOffAt);
      }
    }
    out.bytes(p.end5);
    if (a.verdict) {
      out.bytes(p.bodySep);
      this.textual(p.assessing, a.verdict);
      if (a.verdictBy) {
        out.bytes(p.creator6);
        out.bytes(this.person(6, a.verdictBy.name));
      }
      out.bytes(p.end5);
    }
    if (a.rationale.trim()) {
      out.bytes(p.bodySep);
      this.textual(p.assessing, a.rationale);
      out.bytes(p.language);
      out.bytes(p.end5);
    }
    if (this.includeNotes && a.note.trim()) {
      out.bytes(p.bodySep);
      this.textual(p.commenting, a.note);
      out.bytes(p.language);
      out.bytes(p.end5);
    }
    for (const c of comments) {
      out.bytes(p.bodySep);
      this.textual(p.commenting, c.body);
      out.bytes(p.creator6);
      out.bytes(this.person(6, c.author.name));
      out.bytes(p.created6);
      out.jsonString(c.createdAt);
      out.bytes(p.end5);
    }
    for (let i = 0; i < a.evidence.length; i++) {
      const e = a.evidence[i];
      const url = urls?.[i];
      if (!url) continue;
      out.bytes(p.bodySep);
      out.bytes(p.linkId);
      out.jsonString(`${iri}#evidence-${i + 1}`);
      out.bytes(p.link);
      out.bytes(p.resourceId);
      out.jsonString(url);
      if (e.title.trim()) {
        out.bytes(p.label7);
        out.jsonString(e.title);
      }
      out.bytes(p.end6);
      if (e.quote.trim()) {
        out.bytes(p.evidenceSelector);
        out.jsonString(e.quote);
        out.bytes(p.end6);
      }
      out.bytes(p.end5);
    }
    if (source) {
      out.bytes(p.bodySep);
      out.bytes(p.linkId);
      out.jsonString(`${iri}#source`);
      out.bytes(p.link);
      out.bytes(p.resourceId);
      out.jsonString(iris.annotation(source.id));
      out.bytes(p.annotationType7);
      out.bytes(p.end6);
      out.bytes(p.end5);
    }
    out.bytes(p.target);
    this.selector(a);
    out.bytes(p.end3);
  }

  /** The common head of a TextualBody: type, purpose (in `head`), value, format. */
  private textual(head: Uint8Array, value: string): void {
    this.out.bytes(head);
    this.out.jsonString(value);
    this.out.bytes(this.p.format);
  }

  /** A TextQuoteSelector object at depth 5 (an orphan's only selector) or 6 (in the pair). */
  private quoteSelector(depth: 5 | 6, exact: string, prefix: string, suffix: string): void {
    const { out, p } = this;
    out.bytes(depth === 5 ? p.quote5 : p.quote6);
    out.jsonString(exact);
    if (prefix) {
      out.bytes(depth === 5 ? p.prefix5 : p.prefix6);
      out.jsonString(prefix);
    }
    if (suffix) {
      out.bytes(depth === 5 ? p.suffix5 : p.suffix6);
      out.jsonString(suffix);
    }
    out.bytes(depth === 5 ? p.end5 : p.end6);
  }

  /** The target's selector, as w3cTarget: both selectors when positioned (the quote re-read from the text if stale), else the quote alone. */
  private selector(a: AnnotationDto): void {
    const { start, end, exact, prefix, suffix } = a.target;
    const { index, text, p, out } = this;
    const positioned =
      a.anchor !== "orphaned" && start !== null && end !== null && Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= index.length;
    if (!positioned) {
      this.quoteSelector(5, exact, prefix, suffix);
      return;
    }
    out.bytes(p.positioned);
    out.text(String(start));
    out.bytes(p.end7);
    out.text(String(end));
    out.bytes(p.positionedQuote);
    const from = index.toCodeUnit(start);
    const to = index.toCodeUnit(end);
    const atPosition = text.slice(from, to);
    if (atPosition === exact) {
      this.quoteSelector(6, exact, prefix, suffix);
    } else {
      this.quoteSelector(
        6,
        atPosition,
        text.slice(index.toCodeUnit(Math.max(0, start - CONTEXT)), from),
        text.slice(to, index.toCodeUnit(Math.min(index.length, end + CONTEXT))),
      );
    }
    out.bytes(p.positionedEnd);
  }
}

/**
 * The whole collection of an in-memory input: serializeJsonLd(toW3cCollection(input))
 * without its final newline (pretty), or JSON.stringify of it (compact).
 */
export function w3cCollectionJson(input: ExportInput, pretty: boolean): string {
  const items = exportItems(input);
  const writer = new W3cJsonWriter(input.article, input.options, pretty);
  // The JSON holds no lone surrogate (escaped), so the bytes decode back to the same text;
  // they are decoded a few hundred kilobytes at a time, always between two records.
  const decoder = new TextDecoder();
  const parts: string[] = [];
  writer.open(items.length);
  for (const item of items) {
    writer.item(item);
    if (writer.out.size > 256 * 1024) parts.push(decoder.decode(writer.out.take()));
  }
  writer.close();
  parts.push(decoder.decode(writer.out.take()));
  return parts.join("");
}
