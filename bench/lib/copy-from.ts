/**
 * `COPY … FROM STDIN` through plain `pg` (pg-copy-streams is not installed). `pg` accepts any
 * "submittable" object as a query and hands it the protocol messages of its turn; this one
 * answers the server's CopyInResponse by sending the rows as CopyData messages, then CopyDone
 * (or CopyFail if producing the rows throws). Rows are COPY text format lines.
 */
import { once } from "node:events";
import type pg from "pg";

/** The parts of pg's Connection used here; the copy-in methods exist at runtime but are untyped. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

const CHUNK_BYTES = 256 * 1024;

class CopyIn implements pg.Submittable {
  rowCount = 0;
  private failed = false;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };
  readonly done: Promise<number>;

  constructor(
    private readonly text: string,
    private readonly lines: Iterable<string> | AsyncIterable<string>,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: pg.Connection): void {
    void this.send(connection as unknown as CopyConnection);
  }

  private async send(connection: CopyConnection): Promise<void> {
    let buffer = "";
    const flush = async () => {
      connection.sendCopyFromChunk(Buffer.from(buffer, "utf8"));
      buffer = "";
      if (connection.stream.writableNeedDrain) await once(connection.stream, "drain");
    };
    try {
      for await (const line of this.lines) {
        if (this.failed) return;
        buffer += line;
        if (buffer.length >= CHUNK_BYTES) await flush();
      }
      if (buffer.length > 0) await flush();
      if (!this.failed) connection.endCopyFrom();
    } catch (error) {
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /^COPY (\d+)/.exec(message.text ?? "");
    if (match) this.rowCount = Number(match[1]);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.settle.resolve(this.rowCount);
  }

  handleError(error: Error): void {
    this.failed = true;
    this.settle.reject(error);
  }

  // Messages a COPY FROM never receives; pg calls them on whatever query is active.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY <table> (<columns>) FROM STDIN` with `lines` (each ending in "\n"); resolves to the row count. */
export function copyFrom(client: pg.Client | pg.PoolClient, sql: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  const copy = new CopyIn(sql, lines);
  client.query(copy);
  return copy.done;
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
