import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
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
