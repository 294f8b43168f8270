import type { AnnotationDto } from "@/lib/annotations/types";

/**
 * The source annotation a claim or figure is attributed to ("selon les services
 * britanniques"), if it is among the exported annotations and is a source.
 */
export function attributedSource(annotations: readonly AnnotationDto[], annotation: AnnotationDto): AnnotationDto | null {
  if (!annotation.sourceId) return null;
  const source = annotations.find((a) => a.id === annotation.sourceId);
  return source && source.kind === "source" ? source : null;
}
