import { notFound } from "@/lib/api/errors";
import type { UserRef } from "@/lib/annotations/types";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize, type Role } from "@/lib/auth/policy";
import { db } from "@/lib/db";

export interface AssignmentDto {
  user: UserRef & { role: Role };
  assignedBy: UserRef;
  createdAt: string;
}

export const assignmentSelect = {
  createdAt: true,
  user: { select: { id: true, name: true, role: true } },
  assignedBy: { select: { id: true, name: true } },
} as const;

export const toAssignmentDto = (a: { createdAt: Date; user: UserRef & { role: Role }; assignedBy: UserRef }): AssignmentDto => ({
  user: a.user,
  assignedBy: a.assignedBy,
  createdAt: a.createdAt.toISOString(),
});

export async function listAssignments(actor: CurrentUser, articleId: string): Promise<AssignmentDto[]> {
  authorize(actor, "article.read");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const rows = await db.articleAssignment.findMany({ where: { articleId }, select: assignmentSelect, orderBy: { createdAt: "asc" } });
  return rows.map(toAssignmentDto);
}
