/**
 * The shapes Factmark writes in a W3C Web Annotation export (https://www.w3.org/TR/annotation-model/).
 * Compact JSON-LD against http://www.w3.org/ns/anno.jsonld; embedded nodes inherit the
 * collection's @context.
 */

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export type W3cPurpose = "classifying" | "assessing" | "commenting" | "linking";

export interface W3cAgent {
  type: "Person" | "Software";
  name: string;
  homepage?: string;
}

export interface W3cTextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface W3cTextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

/**
 * No id: the test suite reads any body with an id and no source as an External Web
 * Resource, which may not carry a purpose.
 */
export interface W3cTextualBody {
  type: "TextualBody";
  purpose: W3cPurpose;
  value: string;
  format: "text/plain";
  language?: string;
  creator?: W3cAgent;
  created?: string;
}

/** A link to another resource: an evidence page, or the source annotation of an attribution. */
export interface W3cLinkBody {
  id: string;
  type: "SpecificResource";
  purpose: "linking";
  source: { id: string; type?: "Annotation"; label?: string };
  selector?: W3cTextQuoteSelector;
}

export type W3cBody = W3cTextualBody | W3cLinkBody;

export interface W3cTarget {
  type: "SpecificResource";
  source: string;
  /** Both selectors when the annotation sits in the text; the quote alone for an orphan. */
  selector: [W3cTextPositionSelector, W3cTextQuoteSelector] | W3cTextQuoteSelector;
}

export interface W3cAnnotation {
  id: string;
  type: "Annotation";
  canonical?: string;
  motivation: W3cPurpose[];
  creator: W3cAgent;
  created: string;
  modified: string;
  body: W3cBody[];
  target: W3cTarget;
}

export interface W3cAnnotationPage {
  id: string;
  type: "AnnotationPage";
  startIndex: 0;
  items: W3cAnnotation[];
}

export interface W3cAnnotationCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  generated: string;
  generator: W3cAgent;
  first: W3cAnnotationPage;
  last: string;
}
