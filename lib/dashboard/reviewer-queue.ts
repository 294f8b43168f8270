import { annotationCounts, emptyCounts, type AnnotationCounts } from "@/lib/articles/list-articles";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";

export interface QueueArticle {
  id: string;
  title: string;
  outlet: string | null;
  language: string;
  status: "draft" | "in_review";
  assignedAt: string;
  lastActivityAt: string;
  counts: AnnotationCounts;
  /** What is left: claims and figures not signed off, annotations not started, orphans to re-attach. */
  left: { toSignOff: number; unverified: number; inReview: number; orphaned: number };
}

/**
 * The articles assigned to the actor that are not approved yet, least recently assigned
 * first, with what is left to do on each.
 */
export async function reviewerQueue(actor: CurrentUser): Promise<QueueArticle[]> {
  authorize(actor, "article.read");
  const assignments = await db.articleAssignment.findMany({
    where: { userId: actor.id, article: { status: { not: "APPROVED" } } },
    select: {
      createdAt: true,
      article: { select: { id: true, title: true, outlet: true, language: true, status: true, lastActivityAt: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const counts = await annotationCounts(assignments.map((a) => a.article.id));
  return assignments.map(({ article, createdAt }) => {
    const c = counts.get(article.id) ?? emptyCounts();
    return {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      language: article.language,
      status: article.status === "DRAFT" ? "draft" : "in_review",
      assignedAt: createdAt.toISOString(),
      lastActivityAt: article.lastActivityAt.toISOString(),
      counts: c,
      left: {
        toSignOff: c.checkable.total - c.checkable.verified,
        unverified: c.byStatus.unverified,
        inReview: c.byStatus.in_review,
        orphaned: c.orphaned,
      },
    };
  });
}
