import type { Node as PmNode } from "@tiptap/pm/model";
import type { AnnotationDto } from "@/lib/annotations/types";
import { canonicalText, type TextSegment } from "@/lib/anchoring/canonical-text";
import { codePointIndex } from "@/lib/anchoring/code-points";
import { parseDocument } from "@/lib/editor/schema";
import type { ExportInput } from "./types";

/** An annotation with the number of its footnote in the document-shaped exports. */
export interface NumberedAnnotation {
  number: number;
  annotation: AnnotationDto;
}

/** An annotation that sits in the text: `from`/`to` are code units into the canonical text. */
export interface PlacedAnnotation extends NumberedAnnotation {
  from: number;
  to: number;
}

export interface AnnotationLayout {
  doc: PmNode;
  segments: TextSegment[];
  /** In document order, numbered 1…k. */
  placed: PlacedAnnotation[];
  /** Orphans and anything that no longer fits the text, numbered k+1…n. */
  detached: NumberedAnnotation[];
  byId: Map<string, NumberedAnnotation>;
}

const byCreation = (a: AnnotationDto, b: AnnotationDto) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

function touchesTextblock(segments: TextSegment[], from: number, to: number): boolean {
  return segments.some((s) =>
    from === to ? s.offset <= from && from <= s.offset + s.length : s.offset < to && from < s.offset + s.length,
  );
}

/**
 * Parses the article's document and decides where each annotation is drawn. API offsets
 * are code points into `article.text`; the renderers walk the document in code units, so
 * the conversion happens once, here. An annotation whose range does not cover the same
 * text in the document (a stale text, a range over block separators only) is listed as
 * detached rather than drawn over the wrong words.
 */
export function layoutAnnotations(input: ExportInput): AnnotationLayout {
  const doc = parseDocument(input.article.content);
  const canonical = canonicalText(doc);
  const stored = input.article.text;
  const index = codePointIndex(stored);

  const placed: Omit<PlacedAnnotation, "number">[] = [];
  const detached: AnnotationDto[] = [];
  for (const annotation of input.annotations) {
    const { start, end } = annotation.target;
    const positioned =
      annotation.anchor !== "orphaned" &&
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start !== null &&
      end !== null &&
      0 <= start &&
      start <= end &&
      end <= index.length;
    if (!positioned) {
      detached.push(annotation);
      continue;
    }
    const from = index.toCodeUnit(start);
    const to = index.toCodeUnit(end);
    const sameText = canonical.text.slice(from, to) === stored.slice(from, to);
    if (sameText && touchesTextblock(canonical.segments, from, to)) placed.push({ annotation, from, to });
    else detached.push(annotation);
  }

  placed.sort((a, b) => a.from - b.from || b.to - a.to || byCreation(a.annotation, b.annotation));
  detached.sort(byCreation);
  const numberedPlaced = placed.map((p, i) => ({ ...p, number: i + 1 }));
  const numberedDetached = detached.map((annotation, i) => ({ annotation, number: placed.length + i + 1 }));
  const byId = new Map<string, NumberedAnnotation>();
  for (const n of [...numberedPlaced, ...numberedDetached]) byId.set(n.annotation.id, n);
  return { doc, segments: canonical.segments, placed: numberedPlaced, detached: numberedDetached, byId };
}
