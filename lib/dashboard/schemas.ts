import { z } from "zod";
import { articleFilterShape } from "@/lib/articles/schemas";

export const dashboardQuery = z.strictObject({
  ...articleFilterShape,
  /** How many days the sign-offs chart covers, today included. */
  days: z.coerce.number().int().min(7).max(365).default(30),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const activityQuery = z.strictObject({
  /** The `nextCursor` of the previous page. */
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityQuery = z.infer<typeof activityQuery>;

export const queueQuery = z.strictObject({
  /** `assigned` (default): findings on my articles; `all`: on every article under review. */
  scope: z.enum(["assigned", "all"], { error: "must be assigned or all" }).default("assigned"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueQuery = z.infer<typeof queueQuery>;

export const assignmentBody = z.strictObject({ userId: z.uuid({ error: "must be a user id" }) });
