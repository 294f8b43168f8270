/**
 * Rows of PostgreSQL's `COPY … TO STDOUT` text format (tab-separated fields, one row a line,
 * `\N` for NULL, backslash escapes), read incrementally from a byte stream. The streamed
 * exports read their annotations this way: Postgres writes the text format far more cheaply
 * than JSON, and a chunk is decoded with one call and split, not parsed value by value.
 */

/** PostgreSQL's NULL marker in the text format. */
const NULL_FIELD = "\\N";

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** A field of the text format as the value it stands for (backslash escapes undone). */
export function unescapeCopyField(field: string): string {
  let out = "";
  let from = 0;
  for (let at = field.indexOf("\\"); at !== -1; at = field.indexOf("\\", from)) {
    out += field.slice(from, at);
    const next = field[at + 1] ?? "";
    out += ESCAPES[next] ?? next;
    from = at + 2;
  }
  return out + field.slice(from);
}

/**
 * The fields of one line of the text format: strings, null for `\N`. Fields are slices of
 * the line; only those holding a backslash are rewritten.
 */
export function copyFields(line: string): (string | null)[] {
  const fields: (string | null)[] = line.split("\t");
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (field.length < 2 || field.indexOf("\\") === -1) continue;
    fields[i] = field === NULL_FIELD ? null : unescapeCopyField(field);
  }
  return fields;
}

/** Something that hands over byte chunks one at a time (a Node stream's async iterator). */
export type ChunkSource = AsyncIterator<Uint8Array>;

/**
 * Reads the rows of a COPY text stream a chunk at a time: `fill()` reads bytes until at
 * least one more whole line is buffered (false at the end of the stream), `rows` holds the
 * rows decoded from the last fill and `at` the next one to use. A line cut between two
 * chunks is kept as bytes until its end comes (a line break is never part of a multi-byte
 * UTF-8 character). The caller never holds more than a chunk of rows: backpressure is the
 * source's (nothing is read while the rows are not used).
 */
export class CopyRowReader {
  rows: (string | null)[][] = [];
  at = 0;
  private rest: Buffer | null = null;
  private ended = false;

  constructor(private readonly source: ChunkSource) {}

  /** The next row, or undefined when the buffered rows are used up (call fill()). */
  peek(): (string | null)[] | undefined {
    return this.rows[this.at];
  }

  /** Reads until more rows are buffered; false once the stream has ended with no row left. */
  async fill(): Promise<boolean> {
    this.rows = [];
    this.at = 0;
    while (!this.ended) {
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        if (this.rest?.length) throw new Error("COPY stream ended inside a row");
        break;
      }
      let chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      if (this.rest) {
        chunk = Buffer.concat([this.rest, chunk]);
        this.rest = null;
      }
      const end = chunk.lastIndexOf(10);
      if (end === -1) {
        this.rest = chunk;
        continue;
      }
      if (end + 1 < chunk.length) this.rest = Buffer.from(chunk.subarray(end + 1));
      const lines = chunk.toString("utf8", 0, end).split("\n");
      const rows: (string | null)[][] = new Array(lines.length);
      for (let i = 0; i < lines.length; i++) rows[i] = copyFields(lines[i]);
      this.rows = rows;
      return true;
    }
    return false;
  }

  /** The next row, reading more when needed; undefined at the end of the stream. */
  async next(): Promise<(string | null)[] | undefined> {
    if (this.at >= this.rows.length && !(await this.fill())) return undefined;
    return this.rows[this.at++];
  }
}
