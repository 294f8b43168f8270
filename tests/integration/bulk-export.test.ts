import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as bulkExportRoute from "@/app/api/v1/export/route";
import { db } from "@/lib/db";
import { callRoute } from "./support/call-route";
import { makeArticle, makeUser } from "./support/factories";

const ARTICLES = 12;
const PER_ARTICLE = 250;

describe("streamed bulk export", () => {
  it("exports a large generated set completely and well-formed, as NDJSON and as CSV", async () => {
    const editor = await makeUser("EDITOR");
    const tag = `lot${randomUUID().slice(0, 8)}`;
    const articles = [];
    for (let i = 0; i < ARTICLES; i++) {
      articles.push(await makeArticle(editor, { body: `Selon l’agence ${tag}, 87 % des ${i} navires 🇷🇺 sont sortis.` }));
    }
    // Generated rows straight into the table (the services are tested elsewhere): 3,000 annotations.
    for (const a of articles) {
      await db.$executeRaw`
        INSERT INTO "Annotation" (id, "articleId", kind, status, start, "end", exact, prefix, suffix, anchor, revision, "authorId", "createHash", "updatedAt")
        SELECT gen_random_uuid(), ${a.id}::uuid, (ARRAY['CLAIM','FIGURE','SOURCE'])[1 + g % 3]::"AnnotationKind", 'UNVERIFIED', 0, 6, 'Selon ', '', 'l’agence', 'ANCHORED', 1, ${editor.id}::uuid, ${"g" + tag}, now()
        FROM generate_series(1, ${PER_ARTICLE}) AS g`;
    }
    const expected = ARTICLES * PER_ARTICLE;

    const ndjson = await callRoute(bulkExportRoute.GET, { token: editor.token, query: { format: "ndjson", q: tag } });
    expect(ndjson.status).toBe(200);
    const lines = String(ndjson.json).trim().split("\n");
    expect(lines).toHaveLength(ARTICLES);
    const collections = lines.map((line) => JSON.parse(line) as { type: string; total: number; first: { items: unknown[] } });
    expect(collections.every((c) => c.type === "AnnotationCollection")).toBe(true);
    expect(collections.reduce((sum, c) => sum + c.first.items.length, 0)).toBe(expected);

    const csv = await callRoute(bulkExportRoute.GET, { token: editor.token, query: { format: "csv", q: tag } });
    const rows = String(csv.json).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(rows).toHaveLength(expected + 1);
    expect(rows.slice(1).every((r) => r.includes("Selon "))).toBe(true);

    const bad = await callRoute(bulkExportRoute.GET, { token: editor.token, query: { format: "xml" } });
    expect(bad.status).toBe(400);
  });
});
