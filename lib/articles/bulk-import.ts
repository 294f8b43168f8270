import { toAppError } from "@/lib/api/prisma-errors";
import { zodFields } from "@/lib/api/zod-errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policy";
import { createArticle } from "./create-article";
import { createArticleSchema } from "./schemas";

export type BulkItemResult =
  | { index: number; status: "created"; id: string }
  | { index: number; status: "duplicate"; existingId: string; message: string }
  | { index: number; status: "error"; code: string; message: string; fields?: Record<string, string> };

export const MAX_BULK_ITEMS = 100;

/**
 * Imports each item on its own (its own transaction), so one bad item neither stops the
 * others nor leaves anything half-written; every item gets its own answer.
 */
export async function bulkImport(actor: CurrentUser, items: unknown[]): Promise<BulkItemResult[]> {
  authorize(actor, "article.create");
  const results: BulkItemResult[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = createArticleSchema.safeParse(item);
    if (!parsed.success) {
      results.push({ index, status: "error", code: "validation_failed", message: "Invalid item", fields: zodFields(parsed.error) });
      continue;
    }
    try {
      const article = await createArticle(actor, parsed.data);
      results.push({ index, status: "created", id: article.id });
    } catch (error) {
      const appError = toAppError(error);
      if (!appError) throw error;
      if (appError.code === "duplicate") {
        results.push({ index, status: "duplicate", existingId: String(appError.options.details?.existingId), message: appError.message });
      } else {
        results.push({ index, status: "error", code: appError.code, message: appError.message, ...(appError.options.fields ? { fields: appError.options.fields } : {}) });
      }
    }
  }
  return results;
}
