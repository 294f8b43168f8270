import { beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/v1/articles/[id]/annotations/route";
import * as exportRoute from "@/app/api/v1/articles/[id]/export/route";
import type { ArticleDto } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { makeArticle, makeUser, type TestUser } from "./support/factories";

// More annotations than Postgres takes bound parameters in one statement (65,535): reading
// them must not list their ids in a query.
const COUNT = 66_000;
const BATCH = 6_000;

let reviewer: TestUser;
let article: ArticleDto;

beforeAll(async () => {
  const editor = await makeUser("EDITOR");
  reviewer = await makeUser("REVIEWER");
  article = await makeArticle(editor);
  for (let from = 0; from < COUNT; from += BATCH) {
    await db.$executeRaw`
      INSERT INTO "Annotation" (id, "articleId", kind, start, "end", exact, revision, "authorId", "createHash", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${article.id}::uuid, 'FIGURE', 0, 3, 'La ', 1, ${reviewer.id}::uuid, 'bulk-' || g, now(), now()
      FROM generate_series(${from}::int, ${Math.min(from + BATCH, COUNT) - 1}::int) g`;
  }
}, 120_000);

describe("an article with tens of thousands of annotations", () => {
  it("lists them all and exports them as ClaimReview", async () => {
    const list = await callRoute(annotationsRoute.GET, { token: reviewer.token, params: { id: article.id } });
    expect(list.status).toBe(200);
    expect((list.json.items as unknown[]).length).toBe(COUNT);

    const claimReview = await callRoute(exportRoute.GET, { token: reviewer.token, params: { id: article.id }, query: { format: "claimreview" } });
    expect(claimReview.status).toBe(200);
  }, 120_000);
});
