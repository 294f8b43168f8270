import { exportItems } from "./export-items";
import type { ExportInput } from "./types";
import { w3cBodies } from "./w3c-bodies";
import { w3cIris } from "./w3c-iris";
import { w3cTarget } from "./w3c-target";
import { ANNO_CONTEXT, type W3cAnnotation, type W3cAnnotationCollection, type W3cPurpose } from "./w3c-types";

const PURPOSE_ORDER: W3cPurpose[] = ["classifying", "assessing", "commenting", "linking"];

/**
 * One article's annotations as a W3C AnnotationCollection with a single embedded page.
 * Positions are Unicode code points of the article's canonical text, as the API's are.
 * Orphans are included with their last known quote.
 */
export function toW3cCollection(input: ExportInput): W3cAnnotationCollection {
  const iris = w3cIris(input);
  // Array.from splits by code points, the unit of the API's and the selector's offsets.
  const chars = Array.from(input.article.text);
  const items = exportItems(input).map((item): W3cAnnotation => {
    const { annotation } = item;
    const body = w3cBodies(item, input, iris);
    const canonical = iris.canonical(annotation.id);
    return {
      id: iris.annotation(annotation.id),
      type: "Annotation",
      ...(canonical ? { canonical } : {}),
      motivation: PURPOSE_ORDER.filter((m) => body.some((b) => b.purpose === m)),
      creator: { type: "Person", name: annotation.author.name },
      created: annotation.createdAt,
      modified: annotation.updatedAt,
      body,
      target: w3cTarget(annotation, chars, iris.articleSource),
    };
  });
  return {
    "@context": ANNO_CONTEXT,
    id: iris.collection,
    type: "AnnotationCollection",
    label: input.article.title,
    total: items.length,
    generated: input.options.generatedAt.toISOString(),
    generator: { type: "Software", name: "Factmark", homepage: `${iris.app}/` },
    // The page is embedded, so it needs no partOf (the suite's page assertions also read
    // a partOf as an embedded collection description and reject a bare IRI).
    first: { id: iris.page, type: "AnnotationPage", startIndex: 0, items },
    last: iris.page,
  };
}
