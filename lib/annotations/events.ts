import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

export type EventAction = "created" | "updated" | "deleted" | "restored" | "commented" | "reanchored";
export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Appends an annotation event; call inside the transaction that makes the change. */
export async function recordAnnotationEvent(
  tx: Tx,
  event: { annotationId: string; articleId: string; actorId: string; action: EventAction; changes: Changes | Record<string, unknown> },
) {
  await tx.annotationEvent.create({
    data: { ...event, changes: event.changes as Prisma.InputJsonValue },
  });
  await tx.article.update({ where: { id: event.articleId }, data: { lastActivityAt: new Date() } });
}
