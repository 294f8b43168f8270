import { annotationInclude, toAnnotationDto } from "@/lib/annotations/serialize";
import type { AnnotationDto } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { EventCursor } from "./event-cursor";
import type { LiveEvent } from "./types";

export interface ReadEvents {
  /** In order; each with the cursor just after it (the SSE id to send with it). */
  events: { event: LiveEvent; cursor: EventCursor }[];
  cursor: EventCursor;
  /** More events wait after this batch. */
  more: boolean;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * An article's events after `cursor`, oldest first. Event ids of one article are drawn in
 * commit order (see the dashboard_live migration), so "id > cursor" misses nothing and
 * repeats nothing, whatever was in flight when the cursor was taken.
 */
export async function readArticleEvents(articleId: string, cursor: EventCursor, limit = 200): Promise<ReadEvents> {
  const [annotationEvents, articleEvents] = await Promise.all([
    db.annotationEvent.findMany({
      where: { articleId, id: { gt: cursor.annotation } },
      orderBy: { id: "asc" },
      take: limit,
      include: { actor: { select: { id: true, name: true } } },
    }),
    db.articleEvent.findMany({
      where: { articleId, id: { gt: cursor.article } },
      orderBy: { id: "asc" },
      take: limit,
      include: { actor: { select: { id: true, name: true } } },
    }),
  ]);
  const annotationIds = [...new Set(annotationEvents.map((e) => e.annotationId))];
  const current = new Map<string, AnnotationDto>();
  if (annotationIds.length > 0) {
    const rows = await db.annotation.findMany({ where: { id: { in: annotationIds }, deletedAt: null }, include: annotationInclude });
    for (const row of rows) current.set(row.id, toAnnotationDto(row));
  }

  const fromAnnotations = annotationEvents.map((e) => ({
    at: e.createdAt,
    cursor: (c: EventCursor): EventCursor => ({ ...c, annotation: e.id }),
    event: {
      type: "annotation" as const,
      id: `a${e.id}`,
      articleId,
      annotationId: e.annotationId,
      action: e.action,
      actor: e.actor,
      at: e.createdAt.toISOString(),
      changes: asRecord(e.changes),
      annotation: current.get(e.annotationId) ?? null,
    } satisfies LiveEvent,
  }));
  const fromArticle = articleEvents.map((e) => ({
    at: e.createdAt,
    cursor: (c: EventCursor): EventCursor => ({ ...c, article: e.id }),
    event: { type: "article" as const, id: `r${e.id}`, articleId, action: e.action, actor: e.actor, at: e.createdAt.toISOString(), data: asRecord(e.data) } satisfies LiveEvent,
  }));

  // Merge the two id-ordered lists by time without reordering either: each cursor
  // dimension must only move forward.
  const events: ReadEvents["events"] = [];
  let position = { ...cursor };
  let i = 0;
  let j = 0;
  while (i < fromAnnotations.length || j < fromArticle.length) {
    const takeArticle = i >= fromAnnotations.length || (j < fromArticle.length && fromArticle[j].at < fromAnnotations[i].at);
    const next = takeArticle ? fromArticle[j++] : fromAnnotations[i++];
    position = next.cursor(position);
    events.push({ event: next.event, cursor: position });
  }
  return { events, cursor: position, more: annotationEvents.length === limit || articleEvents.length === limit };
}
