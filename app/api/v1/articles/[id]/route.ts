import { apiRoute } from "@/lib/api/handler";
import { getArticle } from "@/lib/articles/get-article";
import { updateArticleSchema } from "@/lib/articles/schemas";
import { updateArticle } from "@/lib/articles/update-article";

export const GET = apiRoute({}, async ({ actor, params }) => getArticle(actor, params.id));

export const PATCH = apiRoute({ action: "article.updateMetadata", body: updateArticleSchema }, async ({ actor, params, body }) =>
  updateArticle(actor, params.id, body),
);
