import { z } from "zod";

export const streamQuery = z.strictObject({
  /** One article's events and presence; without it, change notices for every article. */
  articleId: z.uuid({ error: "must be an article id" }).optional(),
  /** Resume after this event id (the Last-Event-ID header wins when both are sent). */
  since: z.string().max(60).optional(),
});
