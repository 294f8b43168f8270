import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { PREPARED, preparedStatementNames } from "./db";

const text = (sql: Prisma.Sql) => ({ sql: sql.sql });

describe("prepared statement names", () => {
  it("names the marked statements by their text and leaves the others unnamed", () => {
    const name = preparedStatementNames({})!;
    const token = Prisma.sql`${PREPARED}SELECT id FROM "ApiToken" WHERE "tokenHash" = ${"h"}`;
    expect(token.sql.startsWith("/* factmark:prepared */")).toBe(true);
    expect(name(text(token))).toMatch(/^fm_[0-9a-f]{32}$/);
    // The same text under other values: the same statement.
    expect(name(text(Prisma.sql`${PREPARED}SELECT id FROM "ApiToken" WHERE "tokenHash" = ${"other"}`))).toBe(name(text(token)));
    expect(name(text(Prisma.sql`${PREPARED}SELECT 2`))).not.toBe(name(text(token)));
    expect(name(text(Prisma.sql`SELECT id FROM "User" WHERE id = ${"x"}`))).toBe("");
  });

  it("stops naming new shapes past its cap, and can be turned off", () => {
    const name = preparedStatementNames({}, 2)!;
    const first = name({ sql: "/* factmark:prepared */ SELECT 1" });
    expect(name({ sql: "/* factmark:prepared */ SELECT 2" })).not.toBe("");
    expect(name({ sql: "/* factmark:prepared */ SELECT 3" })).toBe("");
    expect(name({ sql: "/* factmark:prepared */ SELECT 1" })).toBe(first);
    expect(preparedStatementNames({ FACTMARK_PREPARED_STATEMENTS: "off" })).toBeUndefined();
  });
});
