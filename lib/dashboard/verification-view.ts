import { notFound } from "@/lib/api/errors";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import type { AnnotationDto, ArticleDto, UserRef } from "@/lib/annotations/types";
import { getArticle } from "@/lib/articles/get-article";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { listAssignments, type AssignmentDto } from "./list-assignments";

export interface VerificationView {
  article: ArticleDto;
  approval: { by: UserRef | null; at: string | null; override: string | null };
  annotations: AnnotationDto[];
  assignments: AssignmentDto[];
  /** Claims and figures not yet signed off: approving now needs a reason. */
  pending: number;
}

/** Everything the read-only verification page shows about one article. */
export async function verificationView(actor: CurrentUser, articleId: string): Promise<VerificationView> {
  authorize(actor, "article.read");
  const approval = await db.article.findUnique({
    where: { id: articleId },
    select: { approvedAt: true, approvalOverride: true, approvedBy: { select: { id: true, name: true } } },
  });
  if (!approval) throw notFound("Article");
  const [article, annotations, assignments] = await Promise.all([
    getArticle(actor, articleId),
    listAnnotations(actor, articleId),
    listAssignments(actor, articleId),
  ]);
  return {
    article,
    approval: { by: approval.approvedBy, at: approval.approvedAt?.toISOString() ?? null, override: approval.approvalOverride },
    annotations,
    assignments,
    pending: annotations.filter((a) => a.kind !== "source" && a.status !== "verified").length,
  };
}
