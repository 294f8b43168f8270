import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CopyRowReader, copyFields, unescapeCopyField } from "./copy-text";

/** A value as Postgres's COPY text format writes it. */
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/[\\\b\f\n\r\t\v]/g, (c) => ({ "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v" })[c] as string);
}

async function readAll(chunks: Buffer[]): Promise<(string | null)[][]> {
  const reader = new CopyRowReader(Readable.from(chunks)[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>);
  const rows: (string | null)[][] = [];
  for (let row = await reader.next(); row !== undefined; row = await reader.next()) rows.push(row);
  return rows;
}

describe("COPY text format", () => {
  it("undoes the escapes and reads \\N as null", () => {
    expect(unescapeCopyField("a\\\\b\\nc\\td\\re")).toBe("a\\b\nc\td\re");
    expect(copyFields("x\t\\N\t\ty\\\\N")).toEqual(["x", null, "", "y\\N"]);
  });

  it("reads rows cut anywhere between chunks, inside multi-byte characters too", async () => {
    const rows = [
      ["0190a1b2-0000-7000-8000-000000000001", "Selon l’agence, 87 % des navires 🇷🇺", null, "« chiffre »\nsur deux lignes\tet \\ tab"],
      ["2", "", "\\N littéral", "👍🏽"],
      ["3", "x", "y", "z"],
    ];
    const bytes = Buffer.from(rows.map((r) => `${r.map(copyText).join("\t")}\n`).join(""));
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
      expect(await readAll(chunks)).toEqual(rows);
    }
  });

  it("refuses a stream that ends inside a row", async () => {
    await expect(readAll([Buffer.from("a\tb\nc\td")])).rejects.toThrow(/inside a row/);
  });
});
