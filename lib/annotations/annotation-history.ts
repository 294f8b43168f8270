import { notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";

export interface HistoryItem {
  id: string;
  at: string;
  actor: { id: string; name: string };
  action: string;
  changes: unknown;
}

/** Every change to an annotation, oldest first (deleted annotations keep their history). */
export async function annotationHistory(actor: CurrentUser, id: string): Promise<HistoryItem[]> {
  authorize(actor, "article.read");
  const exists = await db.annotation.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw notFound("Annotation");
  const events = await db.annotationEvent.findMany({
    where: { annotationId: id },
    orderBy: { id: "asc" },
    include: { actor: { select: { id: true, name: true } } },
  });
  return events.map((e) => ({ id: e.id.toString(), at: e.createdAt.toISOString(), actor: e.actor, action: e.action, changes: e.changes }));
}
