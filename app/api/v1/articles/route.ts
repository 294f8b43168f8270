import { apiRoute, json } from "@/lib/api/handler";
import { createArticle } from "@/lib/articles/create-article";
import { listArticles } from "@/lib/articles/list-articles";
import { createArticleSchema, listArticlesQuery } from "@/lib/articles/schemas";

export const GET = apiRoute({ query: listArticlesQuery }, async ({ actor, query }) => listArticles(actor, query));

// The body limit is checked again on the article text itself (2 MB); JSON framing gets headroom.
export const POST = apiRoute(
  { action: "article.create", body: createArticleSchema, maxBodyBytes: 3 * 1024 * 1024 },
  async ({ actor, body }) => json(await createArticle(actor, body), 201),
);
