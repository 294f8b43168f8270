import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleDto } from "@/lib/annotations/types";
import { AppError } from "@/lib/api/errors";
import { exportArticle } from "@/lib/articles/export-article";
import { exportManyStream } from "@/lib/articles/export-many";
import { closeExportPool } from "@/lib/export-pool";
import { makeArticle, makeUser, type TestUser } from "./support/factories";

let editor: TestUser;
let article: ArticleDto;

beforeAll(async () => {
  // One export at a time (two connections), four waiting at most.
  process.env.FACTMARK_EXPORT_POOL_SIZE = "2";
  await closeExportPool();
  editor = await makeUser("EDITOR");
  article = await makeArticle(editor, { body: "Selon l’agence, 87 % des navires sont sortis." });
});

async function text(body: string | ReadableStream<Uint8Array>): Promise<string> {
  return typeof body === "string" ? body : new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(body).arrayBuffer());
}

describe("export pool", () => {
  it("queues exports beyond its size, refuses with 503 past the queue, and frees a slot when a download is cancelled", async () => {
    const first = await exportArticle(editor, article.id, "csv", false);
    const queued = Array.from({ length: 4 }, () => exportArticle(editor, article.id, "w3c", false));
    const refused = await exportManyStream(editor, "csv", {}, false).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(503);

    // The client of the first goes away: its connections are closed and the next one runs.
    await (first.body as ReadableStream<Uint8Array>).cancel();
    const [second, ...rest] = queued;
    const body = await text((await second).body);
    expect(JSON.parse(body).type).toBe("AnnotationCollection");
    for (const next of rest) expect(JSON.parse(await text((await next).body)).total).toBe(0);

    // All slots free again: an export runs at once.
    const csv = await text((await exportArticle(editor, article.id, "csv", false)).body);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    await closeExportPool();
  });
});
