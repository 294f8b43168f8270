import {
  ANNOTATION_KINDS,
  ANNOTATION_STATUSES,
  VERDICTS,
  type AnnotationKind,
  type AnnotationStatus,
  type EvidenceDto,
  type Verdict,
} from "@/lib/annotations/types";
import { jsonLdValues } from "./json-ld-values";
import type { ImportProblems, JsonPath } from "./w3c-import-problems";
import { linkBodySchema, textualBodySchema } from "./w3c-import-schemas";

export interface ReadBodies {
  kind?: AnnotationKind;
  status?: AnnotationStatus;
  verdict?: Verdict;
  rationale: string;
  note?: string;
  evidence: EvidenceDto[];
  /** IRI of the annotation this one is attributed to. */
  sourceIri?: string;
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads an annotation's bodies, the mirror of w3cBodies: the classifying body is the
 * kind; assessing bodies are the status and the verdict (codes, no language) and the
 * rationale (the one with a language, or any text that is no code); a commenting body
 * without a creator is the internal note (comments are not imported); a linking
 * SpecificResource is evidence, unless its source is an Annotation (or an annotation of
 * the same collection), which makes it the attribution. A bare IRI body is evidence.
 */
export function readW3cBodies(raw: unknown, path: JsonPath, problems: ImportProblems, annotationIris: Set<string>): ReadBodies {
  const out: ReadBodies = { rationale: "", evidence: [] };
  const rationales: string[] = [];
  const notes: string[] = [];
  const once = <K extends "kind" | "status" | "verdict">(key: K, value: NonNullable<ReadBodies[K]>, at: JsonPath) => {
    if (out[key] !== undefined) problems.fail([...at, "value"], `a second ${key}; an annotation has one`);
    else out[key] = value;
  };

  for (const { value, path: at } of jsonLdValues(raw, path)) {
    if (typeof value === "string") {
      out.evidence.push({ url: value, title: "", quote: "", note: "" });
    } else if (isObject(value) && "value" in value) {
      const body = problems.check(textualBodySchema, value, at);
      if (!body) continue;
      const purposes = body.purpose ?? [];
      const isCode = body.language === undefined;
      if (purposes.includes("classifying")) {
        if (isOneOf(ANNOTATION_KINDS, body.value)) once("kind", body.value, at);
        else problems.fail([...at, "value"], `kind must be one of ${ANNOTATION_KINDS.join(", ")}`);
      } else if (purposes.includes("assessing")) {
        if (isCode && isOneOf(ANNOTATION_STATUSES, body.value)) once("status", body.value, at);
        else if (isCode && isOneOf(VERDICTS, body.value)) once("verdict", body.value, at);
        else rationales.push(body.value);
      } else if (purposes.includes("commenting") && body.creator === undefined) notes.push(body.value);
    } else if (isObject(value) && "source" in value) {
      const body = problems.check(linkBodySchema, value, at);
      if (!body) continue;
      const source = typeof body.source === "string" ? { id: body.source } : body.source;
      const types = "type" in source ? (source.type ?? []) : [];
      if (types.includes("Annotation") || annotationIris.has(source.id)) {
        if (out.sourceIri) problems.fail(at, "a second attribution; an annotation is attributed to one source");
        else out.sourceIri = source.id;
        continue;
      }
      const quote = jsonLdValues(body.selector, []).find((s) => isObject(s.value) && s.value.type === "TextQuoteSelector");
      const exact = quote && isObject(quote.value) && typeof quote.value.exact === "string" ? quote.value.exact : "";
      const label = "label" in source && typeof source.label === "string" ? source.label : "";
      out.evidence.push({ url: source.id, title: label, quote: exact, note: "" });
    } else if (isObject(value) && typeof value.id === "string") {
      out.evidence.push({ url: value.id, title: "", quote: "", note: "" });
    }
  }
  out.rationale = rationales.join("\n\n");
  if (notes.length) out.note = notes.join("\n\n");
  return out;
}
