import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/articles/[id]/export/route";
import * as bulkExportRoute from "@/app/api/v1/export/route";
import type { ArticleDto } from "@/lib/annotations/types";
import { loadExportInput } from "@/lib/articles/export-article";
import { db } from "@/lib/db";
import { renderExport, toW3cCollection } from "@/lib/export";
import { callRoute } from "./support/call-route";
import { makeArticle, makeUser, type TestUser } from "./support/factories";

const VALIDATOR = path.resolve(process.cwd(), "../shared/tools/validate-w3c.mjs");

/**
 * Thousands of annotations: many at one start (ordered by end, then created, then id), seven
 * per start, and thousands of orphans, some created at the same moment (ordered by id).
 */
// Enough that the annotations of one kind span many chunks of the stream.
const MANY = 2_000;
const SAME_START = MANY + 100;
const SPREAD = 2_000;
const ORPHANS = MANY + 50;
const TOTAL = SAME_START + SPREAD + ORPHANS;

let editor: TestUser;
let article: ArticleDto;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  const reviewer = await makeUser("REVIEWER", "Relectrice « 2 »");
  article = await makeArticle(editor, {
    body: "Selon l’agence, 87 % des navires 🇷🇺 sont sortis. Le « chiffre » de 280.000 tonnes 👍🏽 est contesté par Londres.",
  });
  const textLength = Array.from(article.text).length;
  // Generated rows straight into the tables (the services are tested elsewhere). Quotes are
  // whatever they are: the exports re-read a quote that disagrees with its position.
  await db.$executeRaw`
    INSERT INTO "Annotation" (id, "articleId", kind, status, verdict, start, "end", exact, prefix, suffix, anchor, revision, note, rationale,
      "authorId", "verdictById", "signedOffById", "signedOffAt", "createHash", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${article.id}::uuid,
      (ARRAY['CLAIM','FIGURE','SOURCE'])[1 + g % 3]::"AnnotationKind",
      (ARRAY['UNVERIFIED','IN_PROGRESS','IN_REVIEW','VERIFIED'])[1 + g % 4]::"AnnotationStatus",
      CASE WHEN g % 4 = 3 THEN (ARRAY['ACCURATE','MISLEADING','FALSE'])[1 + g % 3]::"Verdict" END,
      CASE WHEN g <= ${SAME_START} THEN 3 WHEN g <= ${SAME_START + SPREAD} THEN (g / 7) % ${textLength - 8} END,
      CASE WHEN g <= ${SAME_START} THEN 3 + g % 5 WHEN g <= ${SAME_START + SPREAD} THEN (g / 7) % ${textLength - 8} + 1 + g % 6 END,
      CASE WHEN g % 11 = 0 THEN 'quote "with" \\ and ' || g ELSE 'on' END, 'av', 'ap',
      (CASE WHEN g > ${SAME_START + SPREAD} THEN 'ORPHANED' WHEN g % 50 = 0 THEN 'DRIFTED' ELSE 'ANCHORED' END)::"AnchorState", 1,
      CASE WHEN g % 5 = 0 THEN '=note ' || g ELSE '' END,
      CASE WHEN g % 4 = 3 THEN 'Motif n°' || g || E'\nsur deux lignes' ELSE '' END,
      ${editor.id}::uuid,
      CASE WHEN g % 4 = 3 THEN ${reviewer.id}::uuid END,
      CASE WHEN g % 8 = 3 THEN ${editor.id}::uuid END,
      CASE WHEN g % 8 = 3 THEN timestamp '2026-03-01 10:00:00' + g * interval '1 second' END,
      'gen-' || g,
      -- Orphans in threes created at the same moment, so their order falls back to the id.
      timestamp '2026-01-01 00:00:00' + (g / 3) * interval '1.5 second',
      timestamp '2026-02-01 00:00:00' + g * interval '10 millisecond'
    FROM generate_series(1, ${TOTAL}) AS g`;
  await db.$executeRaw`
    INSERT INTO "Evidence" (id, "annotationId", position, url, title, quote)
    SELECT gen_random_uuid(), a.id, n, (ARRAY['https://www.insee.fr/fr/statistiques/', 'javascript:alert(', 'mailto:presse@exemple.fr?x='])[1 + n] || a."createHash", 'Source ' || n, CASE WHEN n = 0 THEN 'passage « cité »' ELSE '' END
    FROM "Annotation" a, generate_series(0, 2) AS n
    WHERE a."articleId" = ${article.id}::uuid AND a."createHash" ~ '[05]$'`;
  await db.$executeRaw`
    INSERT INTO "Comment" (id, "annotationId", "authorId", body, "createdAt")
    SELECT gen_random_uuid(), a.id, ${reviewer.id}::uuid, 'Je regarde (' || n || ')', a."createdAt" + n * interval '1 hour'
    FROM "Annotation" a, generate_series(1, 2) AS n
    WHERE a."articleId" = ${article.id}::uuid AND a."createHash" ~ '7$'`;
  // Some claims attributed to a source of the same article.
  await db.$executeRaw`
    UPDATE "Annotation" a SET "sourceId" = (SELECT s.id FROM "Annotation" s WHERE s."articleId" = a."articleId" AND s.kind = 'SOURCE' ORDER BY s."createHash" LIMIT 1)
    WHERE a."articleId" = ${article.id}::uuid AND a.kind = 'CLAIM' AND a."createHash" ~ '3$'`;
  await db.$executeRaw`
    UPDATE "Annotation" SET "deletedAt" = now() WHERE "articleId" = ${article.id}::uuid AND "createHash" IN ('gen-9', 'gen-4501')`;
});

const exportAs = (format: "w3c" | "csv", includeNotes = false) =>
  callRoute(exportRoute.GET, { token: editor.token, params: { id: article.id }, query: { format, includeNotes: String(includeNotes) } });

/** The in-memory rendering of the same article, with the streamed file's export time. */
async function inMemory(format: "w3c" | "csv", includeNotes: boolean, generated?: string) {
  const input = await loadExportInput(editor, article.id, includeNotes);
  if (generated) input.options.generatedAt = new Date(generated);
  return { input, rendered: renderExport(format, input) };
}

describe("streamed single-article export", () => {
  it("streams a W3C collection of thousands of annotations (many pages) identical to the in-memory one, and valid", async () => {
    for (const includeNotes of [false, true]) {
      const res = await exportAs("w3c", includeNotes);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
      const collection = res.json as unknown as ReturnType<typeof toW3cCollection>;
      expect(collection.total).toBe(TOTAL - 2);
      expect(collection.first.items).toHaveLength(TOTAL - 2);
      const { input, rendered } = await inMemory("w3c", includeNotes, collection.generated);
      expect(input.annotations).toHaveLength(TOTAL - 2);
      // Byte for byte: the streamed body, re-serialized exactly as callRoute parsed it, and the raw text.
      expect(`${JSON.stringify(collection, null, 2)}\n`).toBe(rendered.body);
      expect(JSON.stringify(res.json)).toBe(JSON.stringify(JSON.parse(rendered.body)));
      expect(res.headers.get("content-disposition")).toContain(rendered.fileName);
    }
    const raw = await exportAs("w3c");
    const dir = mkdtempSync(path.join(tmpdir(), "w3c-stream-"));
    writeFileSync(path.join(dir, "text.txt"), article.text);
    writeFileSync(path.join(dir, "export.json"), JSON.stringify(raw.json));
    const out = execFileSync("node", [VALIDATOR, "--text", path.join(dir, "text.txt"), path.join(dir, "export.json")], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(out).not.toMatch(/FAIL/i);
  });

  it("streams the CSV byte for byte as the in-memory one (BOM, CRLF, formula guard)", async () => {
    for (const includeNotes of [false, true]) {
      const res = await exportAs("csv", includeNotes);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const body = String(res.json);
      const { rendered } = await inMemory("csv", includeNotes);
      expect(body).toBe(rendered.body);
      expect(body.startsWith("\uFEFF")).toBe(true);
      expect(body.trimEnd().split("\r\n")).toHaveLength(TOTAL - 2 + 1);
      if (includeNotes) expect(body).toContain(",'=note 5,");
    }
  });

  it("answers 404 for an unknown article before streaming anything", async () => {
    const res = await callRoute(exportRoute.GET, { token: editor.token, params: { id: "00000000-0000-4000-8000-000000000000" }, query: { format: "w3c" } });
    expect(res.status).toBe(404);
  });

  it("puts a large article into the bulk export page by page, the same line as the single export", async () => {
    const single = await exportAs("w3c");
    const generated = (single.json as unknown as { generated: string }).generated;
    const res = await callRoute(bulkExportRoute.GET, { token: editor.token, query: { format: "ndjson", q: "tonnes contesté Londres" } });
    expect(res.status).toBe(200);
    const lines = String(typeof res.json === "string" ? res.json : `${JSON.stringify(res.json)}\n`).split("\n");
    const line = lines.find((l) => l.includes(`/articles/${article.id}/export`));
    expect(line).toBeDefined();
    const { input } = await inMemory("w3c", false, JSON.parse(line!).generated as string);
    expect(line).toBe(JSON.stringify(toW3cCollection(input)));
    expect(generated).toBeTruthy();
  });
});
