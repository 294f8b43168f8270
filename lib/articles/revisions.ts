import { diffArrays } from "diff";
import { notFound, validationFailed } from "@/lib/api/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { db } from "@/lib/db";

export interface RevisionSummary {
  number: number;
  author: { id: string; name: string };
  createdAt: string;
  length: number;
}

export async function listRevisions(actor: CurrentUser, articleId: string): Promise<RevisionSummary[]> {
  authorize(actor, "article.read");
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, text: true, author: { select: { id: true, name: true } } },
  });
  if (rows.length === 0) throw notFound("Article");
  return rows.map((r) => ({ number: r.number, author: r.author, createdAt: r.createdAt.toISOString(), length: Array.from(r.text).length }));
}

export type DiffPart = { op: "equal" | "insert" | "delete"; text: string };

/** A word-level diff between two revisions, readable by a person (not a patch format). */
export async function diffRevisions(actor: CurrentUser, articleId: string, from: number, to: number): Promise<{ from: number; to: number; parts: DiffPart[] }> {
  authorize(actor, "article.read");
  const rows = await db.articleRevision.findMany({
    where: { articleId, number: { in: [from, to] } },
    select: { number: true, text: true },
  });
  const a = rows.find((r) => r.number === from);
  const b = rows.find((r) => r.number === to);
  if (!a || !b) {
    const exists = await db.article.findUnique({ where: { id: articleId }, select: { revision: true } });
    if (!exists) throw notFound("Article");
    throw validationFailed({ [a ? "to" : "from"]: `no such revision (the article has 1 to ${exists.revision})` });
  }
  // Tokens are runs of non-space and runs of space, so "230.000" changes as one figure.
  const tokens = (text: string) => text.split(/(\s+)/).filter(Boolean);
  const parts: DiffPart[] = diffArrays(tokens(a.text), tokens(b.text)).map((c) => ({
    op: c.added ? "insert" : c.removed ? "delete" : "equal",
    text: c.value.join(""),
  }));
  return { from, to, parts };
}
