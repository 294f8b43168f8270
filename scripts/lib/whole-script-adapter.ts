import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

type DriverErrorPayload = ConstructorParameters<typeof DriverAdapterError>[0];

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which breaks on a
 * semicolon inside a comment, a string or a function body ($$ … $$) and runs the pieces outside
 * one transaction. The native engine behind `prisma migrate deploy` sends the script to
 * Postgres whole (one simple query, one implicit transaction); this adapter does the same, so a
 * migration behaves identically under both.
 */
export function wholeScriptAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    Object.assign(adapter, {
      executeScript: async (script: string) => {
        try {
          await pool.query(script);
        } catch (error) {
          throw toDriverAdapterError(error);
        }
      },
    });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wrap(await inner.connect()),
    connectToShadowDb: async () => wrap(await inner.connectToShadowDb()),
  };
}

function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  const payload: DriverErrorPayload = {
    kind: "postgres",
    code: error.code ?? "",
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  };
  return new DriverAdapterError(payload);
}
