import type { AnnotationKind, UserRef, Verdict } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AwaitingFinding {
  id: string;
  articleId: string;
  articleTitle: string;
  kind: AnnotationKind;
  exact: string;
  verdict: Verdict | null;
  verdictBy: UserRef | null;
  /** When it was last changed: how long it has been waiting. */
  updatedAt: string;
}

/** Counting stops here: on every article there may be hundreds of thousands. */
export const AWAITING_COUNT_CAP = 1_000;

/**
 * Findings the actor can sign off: in review, with a verdict someone else set (the second
 * pair of eyes), on articles still open, oldest first. `assigned` keeps to the actor's
 * articles; `all` looks at every article.
 */
export async function awaitingSignOff(
  actor: CurrentUser,
  options: { scope: "assigned" | "all"; limit: number },
): Promise<{ items: AwaitingFinding[]; total: number; totalIsCapped: boolean }> {
  authorize(actor, "annotation.verify");
  const where: Prisma.AnnotationWhereInput = {
    status: "IN_REVIEW",
    deletedAt: null,
    verdictById: { not: actor.id },
    NOT: { verdictById: null },
    article: {
      status: { not: "APPROVED" },
      ...(options.scope === "assigned" ? { assignments: { some: { userId: actor.id } } } : {}),
    },
  };
  const [rows, total] = await Promise.all([
    db.annotation.findMany({
      where,
      select: {
        id: true,
        articleId: true,
        kind: true,
        exact: true,
        verdict: true,
        updatedAt: true,
        verdictBy: { select: { id: true, name: true } },
        article: { select: { title: true } },
      },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      take: options.limit,
    }),
    // The (status, updatedAt) index gives the oldest first; the count reads at most the cap.
    db.annotation.count({ where, take: AWAITING_COUNT_CAP + 1 }),
  ]);
  return {
    total: Math.min(total, AWAITING_COUNT_CAP),
    totalIsCapped: total > AWAITING_COUNT_CAP,
    items: rows.map((r) => ({
      id: r.id,
      articleId: r.articleId,
      articleTitle: r.article.title,
      kind: r.kind.toLowerCase() as AnnotationKind,
      exact: r.exact,
      verdict: r.verdict ? (r.verdict.toLowerCase() as Verdict) : null,
      verdictBy: r.verdictBy,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
