import type { Mark, Node as PmNode } from "@tiptap/pm/model";
import type { TextSegment } from "@/lib/anchoring/canonical-text";
import type { AnnotationLayout, PlacedAnnotation } from "./annotation-layout";

/**
 * A textblock's content cut at every annotation boundary: each text run is covered by the
 * same set of annotations from end to end, so a renderer can wrap it whole. `ref` runs
 * mark where an annotation ends (its footnote reference goes there).
 */
export type InlineRun =
  | { type: "text"; text: string; marks: readonly Mark[]; covering: PlacedAnnotation[] }
  | { type: "break" }
  | { type: "ref"; annotation: PlacedAnnotation };

const segmentEnd = (s: TextSegment) => s.offset + s.length;

/** Outer annotations first, so nested highlights nest the same way in every run. */
const outerFirst = (a: PlacedAnnotation, b: PlacedAnnotation) => a.from - b.from || b.to - a.to || a.number - b.number;

/** Index of the textblock that carries an annotation's footnote reference, and where in it. */
function refPlace(segments: TextSegment[], p: PlacedAnnotation): { block: number; at: number } | null {
  if (p.from === p.to) {
    const block = segments.findIndex((s) => s.offset <= p.from && p.from <= segmentEnd(s));
    return block < 0 ? null : { block, at: p.from - segments[block].offset };
  }
  for (let block = segments.length - 1; block >= 0; block--) {
    const s = segments[block];
    if (s.offset < p.to && p.from < segmentEnd(s)) return { block, at: Math.min(p.to, segmentEnd(s)) - s.offset };
  }
  return null;
}

function textblocks(doc: PmNode): PmNode[] {
  const blocks: PmNode[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    blocks.push(node);
    return false;
  });
  return blocks;
}

function blockRuns(block: PmNode, segment: TextSegment, covering: PlacedAnnotation[], refs: Map<number, PlacedAnnotation[]>) {
  const runs: InlineRun[] = [];
  const start = segment.offset;
  const cuts = new Set<number>(refs.keys());
  for (const p of covering) {
    cuts.add(p.from - start);
    cuts.add(p.to - start);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const emitted = new Set<number>();
  const emitRefs = (at: number) => {
    if (emitted.has(at)) return;
    emitted.add(at);
    for (const annotation of refs.get(at) ?? []) runs.push({ type: "ref", annotation });
  };

  let pos = 0;
  block.forEach((child) => {
    emitRefs(pos);
    if (child.isText) {
      const text = child.text ?? "";
      const end = pos + text.length;
      const points = [pos, ...sortedCuts.filter((c) => c > pos && c < end), end];
      for (let i = 0; i + 1 < points.length; i++) {
        const [a, b] = [points[i], points[i + 1]];
        const over = covering.filter((p) => p.from <= start + a && p.to >= start + b && p.from < p.to);
        runs.push({ type: "text", text: text.slice(a - pos, b - pos), marks: child.marks, covering: over });
        if (b < end) emitRefs(b);
      }
    } else if (child.type.name === "hardBreak") {
      runs.push({ type: "break" });
    }
    pos += child.isText ? (child.text ?? "").length : child.nodeSize;
  });
  emitRefs(pos);
  return runs;
}

/** The inline runs of every textblock, in document order (the order of `layout.segments`). */
export function inlineRuns(layout: AnnotationLayout): InlineRun[][] {
  const blocks = textblocks(layout.doc);
  const refsByBlock = new Map<number, Map<number, PlacedAnnotation[]>>();
  for (const p of layout.placed) {
    const place = refPlace(layout.segments, p);
    if (!place) continue;
    let inBlock = refsByBlock.get(place.block);
    if (!inBlock) refsByBlock.set(place.block, (inBlock = new Map()));
    const here = inBlock.get(place.at);
    if (here) here.push(p);
    else inBlock.set(place.at, [p]);
  }
  return blocks.map((block, i) => {
    const s = layout.segments[i];
    const covering = layout.placed
      .filter((p) => p.from < segmentEnd(s) && p.to > s.offset && p.from < p.to)
      .sort(outerFirst);
    return blockRuns(block, s, covering, refsByBlock.get(i) ?? new Map());
  });
}
