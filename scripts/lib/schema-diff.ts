import { withSchemaEngine } from "./schema-engine";

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * The SQL that turns a database built from schema `from` (null: an empty database) into one
 * built from schema `to`, or null when they are equivalent. The engine needs a live connection
 * to start even though the diff itself reads only the two schemas.
 */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string | null> {
  const files = (content: string) => [{ path: "schema.prisma", content }];
  const result = await withSchemaEngine({ databaseUrl, datamodels: [["schema.prisma", to]] }, (engine) =>
    engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: files(from) },
      to: { tag: "schemaDatamodel", files: files(to) },
      script: true,
      exitCode: true,
      filters: noFilters,
    }),
  );
  // exitCode 2 means "there is a difference" (as `prisma migrate diff --exit-code`).
  return result.exitCode === 2 && result.stdout ? result.stdout : null;
}
