const HEX = "0123456789abcdef";

/**
 * How JSON.stringify writes each ASCII character inside a string: null when as itself,
 * else its escape (`\"`, `\\`, `\n`…, `\u001f`), as bytes.
 */
const ASCII_ESCAPES: (Uint8Array | null)[] = Array.from({ length: 128 }, (_, c) => {
  const short: Record<number, string> = { 0x22: '\\"', 0x5c: "\\\\", 0x08: "\\b", 0x09: "\\t", 0x0a: "\\n", 0x0c: "\\f", 0x0d: "\\r" };
  if (short[c]) return asciiBytes(short[c]);
  if (c < 0x20) return asciiBytes(`\\u00${HEX[c >> 4]}${HEX[c & 15]}`);
  return null;
});

/** 1 for the ASCII characters JSON.stringify escapes, so the common case is one table read. */
const ESCAPED = Uint8Array.from(ASCII_ESCAPES, (escape) => (escape === null ? 0 : 1));

/**
 * What JSON.stringify would not copy as it is: a quote, a backslash, a control character or
 * any surrogate (a pair is fine, but the slow path sorts that out). A string without any is
 * encoded natively (Buffer#utf8Write), which is the same bytes, much faster than a loop.
 */
const JSON_SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Surrogates: TextEncoder replaces a lone one by U+FFFD, which the loop does too. */
const SURROGATE = /[\ud800-\udfff]/;
/** Below this many code units the loop beats a native call. */
const NATIVE_FROM = 24;

type NativeBuffer = Uint8Array & { utf8Write(value: string, offset: number, length: number): number };
const hasBuffer = typeof Buffer !== "undefined" && typeof (Buffer.prototype as Partial<NativeBuffer>).utf8Write === "function";

function nativeView(buffer: Uint8Array): NativeBuffer | null {
  return hasBuffer ? (Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as NativeBuffer) : null;
}

function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * UTF-8 output written straight into byte buffers, for exports streamed chunk by chunk: the
 * records never exist as JavaScript strings, which spares building, flattening and encoding
 * them. `jsonString` writes exactly the bytes of `JSON.stringify(value)` encoded in UTF-8
 * (lone surrogates escaped as `\udxxx`, like JSON.stringify); `text` writes a string as
 * TextEncoder would (a lone surrogate becomes U+FFFD). `take()` hands over what was
 * written since the last call.
 */
export class Utf8Writer {
  private buffer: Uint8Array;
  /** The same memory as a Node Buffer, for native UTF-8 encoding (null outside Node). */
  private native: NativeBuffer | null;
  private length = 0;

  constructor(private readonly chunkSize = 64 * 1024) {
    this.buffer = new Uint8Array(chunkSize);
    this.native = nativeView(this.buffer);
  }

  /** Bytes written since the last take(). */
  get size(): number {
    return this.length;
  }

  /** Room for `bytes` more bytes. */
  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.native = nativeView(grown);
  }

  /** The bytes written since the last call (a view the writer no longer touches). */
  take(): Uint8Array {
    const out = this.buffer.subarray(0, this.length);
    this.buffer = new Uint8Array(this.chunkSize);
    this.native = nativeView(this.buffer);
    this.length = 0;
    return out;
  }

  /** Bytes prepared beforehand (see utf8). */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    const { buffer } = this;
    let at = this.length;
    if (bytes.length > 32) {
      buffer.set(bytes, at);
      at += bytes.length;
    } else {
      for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i];
    }
    this.length = at;
  }

  /** A string as UTF-8, nothing escaped. */
  text(value: string): void {
    this.reserve(value.length * 3);
    if (this.native !== null && value.length >= NATIVE_FROM && !SURROGATE.test(value)) {
      this.length += this.native.utf8Write(value, this.length, this.buffer.length - this.length);
      return;
    }
    const { buffer } = this;
    let at = this.length;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x80) {
        buffer[at++] = c;
      } else {
        if (this.encode(value, i, c, at, false)) i++;
        at = this.at;
      }
    }
    this.length = at;
  }

  /** A string as JSON.stringify writes it (quotes included), in UTF-8. */
  jsonString(value: string): void {
    // At most 6 bytes per code unit (\u001f, or a lone surrogate escaped), plus the quotes.
    this.reserve(value.length * 6 + 2);
    const { buffer } = this;
    let at = this.length;
    buffer[at++] = 0x22;
    if (this.native !== null && value.length >= NATIVE_FROM && !JSON_SPECIAL.test(value)) {
      at += this.native.utf8Write(value, at, buffer.length - at);
      buffer[at++] = 0x22;
      this.length = at;
      return;
    }
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x80) {
        if (ESCAPED[c] === 0) {
          buffer[at++] = c;
        } else {
          const escape = ASCII_ESCAPES[c] as Uint8Array;
          for (let k = 0; k < escape.length; k++) buffer[at++] = escape[k];
        }
      } else {
        if (this.encode(value, i, c, at, true)) i++;
        at = this.at;
      }
    }
    buffer[at++] = 0x22;
    this.length = at;
  }

  /** Where encode() stopped writing. */
  private at = 0;

  /**
   * Writes the non-ASCII code unit `c` at `value[i]` from byte `at`; a well-formed surrogate
   * pair is written as one 4-byte character (returns true: the caller skips the low half).
   * A lone surrogate is escaped (`json`) or replaced by U+FFFD. Leaves the end in `this.at`.
   */
  private encode(value: string, i: number, c: number, at: number, json: boolean): boolean {
    const { buffer } = this;
    let pair = false;
    if (c < 0x800) {
      buffer[at++] = 0xc0 | (c >> 6);
      buffer[at++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        buffer[at++] = 0xf0 | (cp >> 18);
        buffer[at++] = 0x80 | ((cp >> 12) & 63);
        buffer[at++] = 0x80 | ((cp >> 6) & 63);
        buffer[at++] = 0x80 | (cp & 63);
        pair = true;
      } else if (json) {
        buffer[at++] = 0x5c;
        buffer[at++] = 0x75;
        for (let shift = 12; shift >= 0; shift -= 4) buffer[at++] = HEX.charCodeAt((c >> shift) & 15);
      } else {
        buffer[at++] = 0xef;
        buffer[at++] = 0xbf;
        buffer[at++] = 0xbd;
      }
    } else {
      buffer[at++] = 0xe0 | (c >> 12);
      buffer[at++] = 0x80 | ((c >> 6) & 63);
      buffer[at++] = 0x80 | (c & 63);
    }
    this.at = at;
    return pair;
  }
}

/** A string's UTF-8 bytes, for the constant pieces a writer repeats. */
export function utf8(value: string): Uint8Array {
  const writer = new Utf8Writer(value.length * 3 + 16);
  writer.text(value);
  return writer.take();
}
