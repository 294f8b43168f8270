// The migration runner against a real, empty database: the same code `npm start` runs.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, withDatabaseName } from "../../scripts/lib/database-admin";
import { applyMigrations } from "../../scripts/lib/migrate";
import { listMigrationNames } from "../../scripts/lib/migrations-dir";
import { migrationsDir } from "../../scripts/lib/paths";

const serverUrl = process.env.DATABASE_URL ?? "";
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `factmark_migrate_${randomBytes(5).toString("hex")}`;
  await createDatabase(serverUrl, name);
  created.push(name);
  return withDatabaseName(serverUrl, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const silent = { log: () => undefined };

describe("applyMigrations", () => {
  let url: string;
  let all: string[];

  beforeAll(async () => {
    expect(serverUrl, "run through scripts/with-test-db.ts").not.toBe("");
    url = await emptyDatabase();
    all = await listMigrationNames(migrationsDir);
  });

  afterAll(async () => {
    for (const name of created) await dropDatabase(serverUrl, name);
  });

  it("applies every migration to an empty database, then nothing the second time", async () => {
    expect(await applyMigrations(url, silent)).toEqual(all);
    expect(await applyMigrations(url, silent)).toEqual([]);

    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["User", "Article", "ArticleRevision", "Annotation", "AnnotationEvent", "_prisma_migrations"]),
    );
    const history = await query<{ migration_name: string; finished: boolean }>(
      url,
      "SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(history).toEqual(all.map((migration_name) => ({ migration_name, finished: true })));
  });

  it("lets instances that start together migrate once (advisory lock)", async () => {
    const fresh = await emptyDatabase();
    const results = await Promise.all([applyMigrations(fresh, silent), applyMigrations(fresh, silent), applyMigrations(fresh, silent)]);
    expect(results.flat().sort()).toEqual(all);
  });

  it("keeps a generated full-text column that searches French articles in French", async () => {
    const [column] = await query<{ data_type: string; is_generated: string }>(
      url,
      "SELECT data_type, is_generated FROM information_schema.columns WHERE table_name = 'Article' AND column_name = 'search'",
    );
    expect(column).toEqual({ data_type: "tsvector", is_generated: "ALWAYS" });

    const [author] = await query<{ id: string }>(
      url,
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), $1, 'Migration test', 'x', now()) RETURNING id`,
      [`migrate-${randomBytes(4).toString("hex")}@test.factmark.local`],
    );
    const insertArticle = `INSERT INTO "Article" (id, title, language, text, "textHash", "createdById", "updatedAt")
      VALUES (gen_random_uuid(), $1, $2, $3, 'hash', $4, now()) RETURNING id`;
    const [french] = await query<{ id: string }>(url, insertArticle, [
      "Armée 🇷🇺",
      "fr",
      "L’armée recrute 15\u202f902 soldats, selon le ministère.",
      author?.id,
    ]);
    await query(url, insertArticle, ["Army", "en", "The army is hiring soldiers.", author?.id]);

    const matches = await query<{ id: string }>(url, `SELECT id FROM "Article" WHERE search @@ to_tsquery('french', 'recruter')`);
    expect(matches.map((row) => row.id)).toEqual([french?.id]);
    const byTitle = await query<{ rank: number }>(
      url,
      `SELECT ts_rank(search, to_tsquery('french', 'armée')) AS rank FROM "Article" WHERE id = $1`,
      [french?.id],
    );
    expect(byTitle[0]?.rank).toBeGreaterThan(0);
  });
});
