/**
 * `COPY … FROM STDIN` through plain `pg` and pg-copy-streams (the exports' dependency), fed
 * COPY text format lines in chunks of about CHUNK_BYTES, with backpressure.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";

const CHUNK_BYTES = 256 * 1024;

/** The lines gathered into chunks, so that the stream does not carry one small write per row. */
async function* chunked(lines: Iterable<string> | AsyncIterable<string>): AsyncGenerator<Buffer> {
  let buffer = "";
  for await (const line of lines) {
    buffer += line;
    if (buffer.length >= CHUNK_BYTES) {
      yield Buffer.from(buffer, "utf8");
      buffer = "";
    }
  }
  if (buffer.length > 0) yield Buffer.from(buffer, "utf8");
}

/** Runs `COPY <table> (<columns>) FROM STDIN` with `lines` (each ending in "\n"); resolves to the row count. */
export async function copyFrom(client: pg.Client | pg.PoolClient, sql: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const stream = client.query(copyFromStdin(sql));
  await pipeline(Readable.from(chunked(lines)), stream);
  return stream.rowCount;
}

/** A value in COPY text format: \N for null, backslash escapes for the characters COPY treats specially. */
export function copyValue(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "string") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** One COPY line from its values. */
export function copyLine(values: readonly (string | number | boolean | Date | null | undefined)[]): string {
  return values.map(copyValue).join("\t") + "\n";
}
