import { notFound } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";

/**
 * Takes an article out of someone's queue. Allowed on approved articles too (it changes no
 * finding). The article keeps its workflow status, even when nobody is left assigned.
 * Unassigning someone who is not assigned is a no-op.
 */
export async function unassignReviewer(actor: CurrentUser, articleId: string, userId: string): Promise<{ removed: boolean }> {
  authorize(actor, "article.assign");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Article" WHERE id = ${articleId}::uuid FOR NO KEY UPDATE`;
    if (locked.length === 0) throw notFound("Article");
    const { count } = await tx.articleAssignment.deleteMany({ where: { articleId, userId } });
    if (count === 0) return { removed: false };
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
    await tx.articleEvent.create({ data: { articleId, actorId: actor.id, action: "unassigned", data: { user: user ?? { id: userId, name: "" } } } });
    await tx.article.update({ where: { id: articleId }, data: { lastActivityAt: new Date() } });
    return { removed: true };
  });
}
