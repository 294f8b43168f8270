import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Put first in a raw query that runs on every save (`db.$queryRaw\`${PREPARED} SELECT …\``):
 * each pooled connection then parses and plans it once, as a named prepared statement, and
 * afterwards only binds and runs it. That halves what Postgres spends on an annotation
 * save (a CTE of five statements). Only for statements whose text takes a bounded number
 * of shapes: every distinct text stays prepared on every connection for its lifetime.
 * FACTMARK_PREPARED_STATEMENTS=off turns it off (behind a pooler in transaction mode that
 * does not carry prepared statements).
 */
export const PREPARED = Prisma.raw(`/* factmark:prepared */ `);
const PREPARED_MARK = "/* factmark:prepared */";
/** A safety net should a marked statement turn out to take many shapes: the rest run unnamed. */
const MAX_PREPARED = 500;

/** The name of a marked statement; "" (unnamed: parsed and planned each time) for the others. */
export function preparedStatementNames(env: Record<string, string | undefined> = process.env, max = MAX_PREPARED): ((query: { sql: string }) => string) | undefined {
  if (env.FACTMARK_PREPARED_STATEMENTS === "off") return undefined;
  const names = new Set<string>();
  return (query) => {
    if (!query.sql.startsWith(PREPARED_MARK)) return "";
    const name = `fm_${createHash("sha1").update(query.sql).digest("hex").slice(0, 32)}`;
    if (names.has(name)) return name;
    if (names.size >= max) return "";
    names.add(name);
    return name;
  };
}

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  const adapter = new PrismaPg(
    { connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
    { statementNameGenerator: preparedStatementNames() },
  );
  return new PrismaClient({
    adapter,
    // Under load a transaction may wait for a pooled connection; wait rather than fail.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    // Secrets never leave the database by accident: ask for them explicitly with `omit: {…: false}`.
    omit: { user: { passwordHash: true }, apiToken: { tokenHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { factmarkDb?: Db };

/** The one PrismaClient. Created on first use so that importing this module never connects. */
export function getDb(): Db {
  globalForDb.factmarkDb ??= createClient();
  return globalForDb.factmarkDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
