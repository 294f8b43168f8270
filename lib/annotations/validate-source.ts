import { validationFailed } from "@/lib/api/errors";
import type { Db, Tx } from "@/lib/db";

/** A claim or figure may be attributed to a source annotation of the same article. */
export async function assertValidSource(tx: Db | Tx, articleId: string, sourceId: string, kind: string, selfId?: string) {
  if (kind === "SOURCE") throw validationFailed({ sourceId: "only a claim or a figure can be attributed to a source" });
  if (sourceId === selfId) throw validationFailed({ sourceId: "an annotation cannot be its own source" });
  const source = await tx.annotation.findFirst({
    where: { id: sourceId, articleId, deletedAt: null },
    select: { kind: true },
  });
  if (!source) throw validationFailed({ sourceId: "no such annotation in this article" });
  if (source.kind !== "SOURCE") throw validationFailed({ sourceId: "must be an annotation of kind source" });
}
