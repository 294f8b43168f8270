import { ANNOTATION_KINDS } from "@/lib/annotations/types";
import type { ImportedAnnotation } from "./imported-annotation";
import { readW3cBodies } from "./read-w3c-bodies";
import { readW3cTarget } from "./read-w3c-target";
import { ImportProblems, type JsonPath } from "./w3c-import-problems";
import { annotationSchema, collectionSchema } from "./w3c-import-schemas";

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
 * with the same bodies; see readW3cBodies) back into annotations for an article. Nothing
 * is returned unless everything is readable: every problem is reported at once, under
 * the JSON path of the value at fault, as a 422 validation_failed AppError.
 */
export function parseW3cCollection(json: unknown): ImportedAnnotation[] {
  const problems = new ImportProblems();
  const collection = problems.check(collectionSchema, json, []);
  if (!collection) throw problems.toError();
  const items = collection.first.items;
  if (collection.total !== undefined && collection.total !== items.length) {
    problems.fail(["total"], `says ${collection.total} annotations but the page holds ${items.length}`);
  }

  const annotations = items.map((raw, i) => {
    const path: JsonPath = ["first", "items", i];
    return { path, item: problems.check(annotationSchema, raw, path) };
  });
  const idsByIri = new Map<string, string>();
  for (const { item } of annotations) if (item) idsByIri.set(item.id, importedId(item.id, item.canonical));

  const result: ImportedAnnotation[] = [];
  for (const { path, item } of annotations) {
    if (!item) continue;
    const bodies = readW3cBodies(item.body, [...path, "body"], problems, new Set(idsByIri.keys()));
    if (!bodies.kind) problems.fail([...path, "body"], `no classifying body naming the kind (${ANNOTATION_KINDS.join(", ")})`);
    const target = readW3cTarget(item.target, [...path, "target"], problems);
    if (!bodies.kind || !target) continue;
    result.push({
      id: idsByIri.get(item.id) ?? item.id,
      kind: bodies.kind,
      status: bodies.status ?? "unverified",
      verdict: bodies.verdict ?? null,
      rationale: bodies.rationale,
      ...(bodies.note !== undefined ? { note: bodies.note } : {}),
      target,
      evidence: bodies.evidence,
      ...(bodies.sourceIri ? { sourceRef: idsByIri.get(bodies.sourceIri) ?? importedId(bodies.sourceIri) } : {}),
    });
  }
  if (problems.count > 0) throw problems.toError();
  return result;
}
