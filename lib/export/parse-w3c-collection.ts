import type { z } from "zod";
import { ANNOTATION_KINDS, ANNOTATION_STATUSES, VERDICTS, type AnnotationKind, type AnnotationStatus, type EvidenceDto, type Verdict } from "@/lib/annotations/types";
import { validationFailed } from "@/lib/api/errors";
import type { ImportedAnnotation } from "./imported-annotation";
import {
  annotationSchema,
  collectionSchema,
  linkBodySchema,
  targetSchema,
  textPositionSelectorSchema,
  textQuoteSelectorSchema,
  textualBodySchema,
} from "./w3c-import-schemas";

type Path = (string | number)[];
interface Problem {
  path: string;
  message: string;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The Factmark id of an exported annotation: its urn:uuid, else the last segment of its API URL. */
function importedId(id: string, canonical?: string): string {
  const uuid = /^urn:uuid:(.+)$/i;
  const fromCanonical = canonical ? uuid.exec(canonical) : null;
  if (fromCanonical) return fromCanonical[1];
  const fromId = uuid.exec(id) ?? /\/annotations\/([^/?#]+)$/.exec(id);
  return fromId ? decodeURIComponent(fromId[1]) : id;
}

/**
 * Reads a W3C AnnotationCollection (as Factmark exports it, or as another tool writes one
 * with the same bodies) back into annotations for an article. Nothing is returned unless
 * everything is readable: every problem is reported at once, each under the JSON path of
 * the value at fault, as a 422 validation_failed.
 *
 * How the bodies are read is the mirror of w3cBodies: the classifying body is the kind;
 * assessing bodies are the status and verdict (codes, no language) and the rationale
 * (the one with a language, or any text that is not a code); a commenting body without
 * a creator is the internal note (comments are not imported); a linking SpecificResource
 * is evidence, unless its source is an Annotation, which makes it the attribution.
 */
export function parseW3cCollection(json: unknown): ImportedAnnotation[] {
  const problems: Problem[] = [];
  const fail = (path: Path, message: string) => problems.push({ path: pathText(path), message });
  const check = <S extends z.ZodType>(schema: S, value: unknown, path: Path): z.output<S> | null => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) fail([...path, ...issue.path.map((k) => (typeof k === "number" ? k : String(k)))], issue.message);
    return null;
  };

  const collection = check(collectionSchema, json, []);
  if (!collection) throw toError(problems);
  const items = collection.first.items;
  if (collection.total !== undefined && collection.total !== items.length) {
    fail(["total"], `says ${collection.total} annotations but the page holds ${items.length}`);
  }

  const parsedItems = items.map((item, i) => ({ path: ["first", "items", i] as Path, item: check(annotationSchema, item, ["first", "items", i]) }));
  const idsByIri = new Map<string, string>();
  for (const { item } of parsedItems) if (item) idsByIri.set(item.id, importedId(item.id, item.canonical));

  const result: ImportedAnnotation[] = [];
  for (const { path, item } of parsedItems) {
    if (!item) continue;
    const out: Partial<ImportedAnnotation> & { evidence: EvidenceDto[]; rationale: string } = { evidence: [], rationale: "" };
    let kind: AnnotationKind | undefined;
    let status: AnnotationStatus | undefined;
    let verdict: Verdict | undefined;
    const rationales: string[] = [];
    const notes: string[] = [];

    (item.body ?? []).forEach((raw, b) => {
      const at: Path = [...path, "body", b];
      if (typeof raw === "string") {
        out.evidence.push({ url: raw, title: "", quote: "", note: "" });
        return;
      }
      if ("value" in raw) {
        const body = check(textualBodySchema, raw, at);
        if (!body) return;
        const purposes = body.purpose ?? [];
        if (purposes.includes("classifying")) {
          if (!isOneOf(ANNOTATION_KINDS, body.value)) fail([...at, "value"], `kind must be one of ${ANNOTATION_KINDS.join(", ")}`);
          else if (kind) fail([...at, "value"], "a second kind; an annotation has one");
          else kind = body.value;
        } else if (purposes.includes("assessing")) {
          if (body.language === undefined && isOneOf(ANNOTATION_STATUSES, body.value)) {
            if (status) fail([...at, "value"], "a second status; an annotation has one");
            else status = body.value;
          } else if (body.language === undefined && isOneOf(VERDICTS, body.value)) {
            if (verdict) fail([...at, "value"], "a second verdict; an annotation has one");
            else verdict = body.value;
          } else rationales.push(body.value);
        } else if (purposes.includes("commenting") && body.creator === undefined) notes.push(body.value);
        return;
      }
      if ("source" in raw) {
        const body = check(linkBodySchema, raw, at);
        if (!body) return;
        const source = typeof body.source === "string" ? { id: body.source, type: undefined, label: undefined } : body.source;
        const pointsAtAnnotation = (source.type ?? []).includes("Annotation") || idsByIri.has(source.id);
        if (pointsAtAnnotation) {
          if (out.sourceRef) fail(at, "a second attribution; an annotation is attributed to one source");
          else out.sourceRef = idsByIri.get(source.id) ?? importedId(source.id);
          return;
        }
        const quote = (body.selector ?? []).find((s) => typeof s !== "string" && s.type === "TextQuoteSelector");
        const exact = quote && typeof quote !== "string" ? (quote.exact ?? "") : "";
        out.evidence.push({ url: source.id, title: source.label ?? "", quote: exact, note: "" });
        return;
      }
      if (typeof raw.id === "string") out.evidence.push({ url: raw.id, title: "", quote: "", note: "" });
    });

    if (!kind) fail([...path, "body"], `no classifying body naming the kind (${ANNOTATION_KINDS.join(", ")})`);

    const targetIndex = item.target.findIndex((t) => typeof t !== "string");
    const target = targetIndex < 0 ? null : check(targetSchema, item.target[targetIndex], [...path, "target", targetIndex]);
    if (targetIndex < 0) fail([...path, "target"], "must be a SpecificResource with a TextQuoteSelector");
    let selectorTarget: ImportedAnnotation["target"] | null = null;
    if (target) {
      const at: Path = [...path, "target", targetIndex, "selector"];
      const quoteAt = target.selector.findIndex((s) => typeof s !== "string" && s.type === "TextQuoteSelector");
      const positionAt = target.selector.findIndex((s) => typeof s !== "string" && s.type === "TextPositionSelector");
      if (quoteAt < 0) fail(at, "has no TextQuoteSelector (the quote is what anchors an annotation)");
      const quote = quoteAt < 0 ? null : check(textQuoteSelectorSchema, target.selector[quoteAt], [...at, quoteAt]);
      const position = positionAt < 0 ? null : check(textPositionSelectorSchema, target.selector[positionAt], [...at, positionAt]);
      if (quote) {
        selectorTarget = { exact: quote.exact, prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" };
        if (position) {
          const length = Array.from(quote.exact).length;
          if (position.end - position.start !== length) {
            fail([...at, positionAt], `covers ${position.end - position.start} code points but the quote has ${length}`);
          } else selectorTarget = { start: position.start, end: position.end, ...selectorTarget };
        }
      }
    }

    if (!kind || !selectorTarget) continue;
    result.push({
      id: idsByIri.get(item.id) ?? item.id,
      kind,
      status: status ?? "unverified",
      verdict: verdict ?? null,
      rationale: rationales.join("\n\n"),
      ...(notes.length ? { note: notes.join("\n\n") } : {}),
      target: selectorTarget,
      evidence: out.evidence,
      ...(out.sourceRef ? { sourceRef: out.sourceRef } : {}),
    });
  }
  if (problems.length) throw toError(problems);
  return result;
}

function toError(problems: Problem[]) {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.path || "(root)"] ??= p.message;
  const shown = problems.slice(0, 5).map((p) => `${p.path || "(root)"}: ${p.message}`);
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
  return validationFailed(fields, `The W3C collection cannot be imported: ${shown.join("; ")}${more}`);
}
