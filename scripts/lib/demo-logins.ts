// The demo accounts a fresh embedded database is seeded with, and printing them. After seeding
// the logins are remembered in the data directory (mode 600) and shown again on later starts
// for as long as each account still exists with its demo password.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import pg from "pg";
import type { DemoLogin } from "../../prisma/seed";

const fileName = "demo-logins.json";

export async function hasUsers(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM "User") AS found');
    return result.rows[0]?.found ?? false;
  } finally {
    await client.end();
  }
}

/** Seeds the demo data; returns the logins when it did. */
export async function seedDemo(databaseUrl: string): Promise<DemoLogin[]> {
  const { seedDemoIfEmpty } = await import("../../prisma/seed");
  const { seeded, logins } = await seedDemoIfEmpty(databaseUrl);
  // The seed goes through the app's PrismaClient; close its pool, the app has its own.
  const { getDb } = await import("../../lib/db");
  await getDb().$disconnect();
  return seeded ? logins : [];
}

export function rememberDemoLogins(dataDir: string, logins: DemoLogin[]): void {
  const file = path.join(dataDir, fileName);
  writeFileSync(file, JSON.stringify(logins, null, 2) + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The remembered logins that still work. */
export async function stillValidDemoLogins(dataDir: string, databaseUrl: string): Promise<DemoLogin[]> {
  const file = path.join(dataDir, fileName);
  if (!existsSync(file)) return [];
  const remembered = JSON.parse(readFileSync(file, "utf8")) as DemoLogin[];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ email: string; passwordHash: string }>(
      'SELECT email, "passwordHash" FROM "User" WHERE active AND email = ANY($1)',
      [remembered.map((login) => login.email)],
    );
    const hashes = new Map(result.rows.map((row) => [row.email, row.passwordHash]));
    const valid = await Promise.all(
      remembered.map(async (login) => {
        const hash = hashes.get(login.email);
        return hash !== undefined && (await verify(hash, login.password).catch(() => false));
      }),
    );
    return remembered.filter((_, index) => valid[index]);
  } finally {
    await client.end();
  }
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  if (logins.length === 0) return "";
  const width = Math.max(...logins.map((login) => login.email.length));
  const lines = logins.map((login) => `    ${login.email.padEnd(width)}  ${login.password}  (${login.role.toLowerCase()})`);
  return ["  Demo logins (email, password, role):", ...lines].join("\n");
}
