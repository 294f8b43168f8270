// npm run db:new-migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the schema
// of the previous migration (its saved schema.prisma) to the current prisma/schema.prisma, and
// saves the current schema next to it for the next time. Review the SQL before committing.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  listMigrationNames,
  lockfileContent,
  lockfileName,
  migrationFileName,
  migrationTimestamp,
  snapshotFileName,
} from "./lib/migrations-dir";
import { migrationsDir, projectRoot, schemaPath } from "./lib/paths";
import { diffSchemas } from "./lib/schema-diff";
import { shutdown } from "./lib/shutdown";
import { startThrowawayPostgres } from "./lib/throwaway-postgres";

function migrationName(raw: string | undefined): string {
  const name = (raw ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!name) {
    console.error("Usage: npm run db:new-migration -- <name>   (e.g. add_article_search)");
    process.exit(2);
  }
  return name;
}

/** A timestamp later than every existing migration, so the new one always sorts last. */
function nextTimestamp(existing: string[]): string {
  const now = migrationTimestamp();
  const last = existing.at(-1)?.slice(0, 14) ?? "";
  return now > last ? now : String(BigInt(last) + 1n);
}

async function previousSchema(existing: string[]): Promise<string | null> {
  const last = existing.at(-1);
  if (!last) return null;
  const snapshot = path.join(migrationsDir, last, snapshotFileName);
  if (!existsSync(snapshot)) {
    throw new Error(`${path.relative(projectRoot, snapshot)} is missing: cannot tell what the previous migration built.`);
  }
  return readFile(snapshot, "utf8");
}

async function main(): Promise<void> {
  const name = migrationName(process.argv[2]);
  const existing = await listMigrationNames(migrationsDir);
  const [from, to] = await Promise.all([previousSchema(existing), readFile(schemaPath, "utf8")]);

  const throwaway = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
  const sql = await diffSchemas(process.env.DATABASE_URL ?? throwaway?.url ?? "", from, to).finally(() => throwaway?.stop());
  if (sql === null) {
    console.log("no changes: prisma/schema.prisma matches the last migration");
    return;
  }

  const dir = path.join(migrationsDir, `${nextTimestamp(existing)}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, migrationFileName), sql);
  await writeFile(path.join(dir, snapshotFileName), to);
  const lockfile = path.join(migrationsDir, lockfileName);
  if (!existsSync(lockfile)) await writeFile(lockfile, lockfileContent);
  console.log(`Created ${path.relative(projectRoot, path.join(dir, migrationFileName))} — review it, then run npm run db:migrate`);
}

main().then(
  () => shutdown(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return shutdown(1);
  },
);
