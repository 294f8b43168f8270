import { z } from "zod";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createArticleSchema = z.strictObject({
  title: z.string().trim().min(1, "must not be empty").max(500),
  body: z.string(),
  format: z.enum(["text", "html", "markdown"]),
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2_000)
    .nullable()
    .optional(),
  outlet: optionalText(200),
  author: optionalText(200),
  language: z.enum(["fr", "en"], { error: 'must be "fr" or "en"' }).optional(),
  publishedAt: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).or(z.iso.date()).nullable().optional(),
  allowDuplicate: z.boolean().optional(),
});

export type CreateArticleInput = z.infer<typeof createArticleSchema>;

export const updateArticleSchema = z.strictObject({
  title: z.string().trim().min(1, "must not be empty").max(500).optional(),
  url: createArticleSchema.shape.url,
  outlet: optionalText(200),
  author: optionalText(200),
  language: createArticleSchema.shape.language,
  publishedAt: createArticleSchema.shape.publishedAt,
  status: z.enum(["draft", "in_review", "approved"]).optional(),
  /** Required to approve before every claim and figure is verified, and to reopen. */
  reason: z.string().trim().min(3, "must say why").max(2_000).optional(),
});

export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

const flag = z.enum(["true", "false", "1", "0"], { error: "must be true or false" }).transform((v) => v === "true" || v === "1");
const uuid = z.uuid({ error: "must be a user id" });

/** Which articles a list or an aggregate covers. All optional; several narrow together. */
export const articleFilterShape = {
  q: z.string().trim().max(200).optional(),
  status: z.enum(["draft", "in_review", "approved"], { error: "must be draft, in_review or approved" }).optional(),
  outlet: z.string().trim().min(1).max(200).optional(),
  language: z.enum(["fr", "en"], { error: 'must be "fr" or "en"' }).optional(),
  /** A user id: articles assigned to that person; `none`: articles nobody is assigned to. */
  reviewer: uuid.or(z.literal("none")).optional(),
  /** Articles with at least one false or misleading finding. */
  hasFalse: flag.optional(),
  /** Articles with at least one orphaned annotation. */
  hasOrphans: flag.optional(),
};

export const ARTICLE_SORTS = ["activity", "title", "created", "progress", "false", "orphans", "open"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export const listArticlesQuery = z.strictObject({
  ...articleFilterShape,
  sort: z.enum(ARTICLE_SORTS, { error: `must be one of ${ARTICLE_SORTS.join(", ")}` }).default("activity"),
  dir: z.enum(["asc", "desc"], { error: "must be asc or desc" }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type ListArticlesQuery = z.infer<typeof listArticlesQuery>;
export type ArticleFilters = Pick<ListArticlesQuery, keyof typeof articleFilterShape>;
