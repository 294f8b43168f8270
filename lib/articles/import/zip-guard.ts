import { inflateRawSync } from "node:zlib";
import { AppError } from "@/lib/api/errors";

/**
 * What a .docx may unpack to. A long article is a few hundred kilobytes of XML; Word's own
 * parts (styles, settings, themes) add a few more. Pictures are never read but count here.
 */
export const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const notAZip = () => new AppError("unsupported_media_type", "The file could not be read as a Word document (.docx)");
const tooBig = (limit: number) =>
  new AppError("too_large", `The Word document unpacks to more than ${Math.round(limit / (1024 * 1024))} MB`, {
    details: { maxUnpackedBytes: limit },
  });

/**
 * Refuses a zip that would unpack to more than `limit` bytes, before the Word reader
 * inflates it in memory: a 1 MB "zip bomb" unpacks to a gigabyte and took the reader 2 GB
 * of memory and 9 s before it gave up. The sizes the central directory declares are summed
 * first; then every entry is inflated with the output capped at its declared size, since a
 * crafted file can declare less than it holds. Costs one extra inflation of at most `limit`.
 */
export function assertZipUnpacksWithin(file: Buffer, limit = MAX_DOCX_UNPACKED_BYTES): void {
  const entries = readCentralDirectory(file);
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (total > limit) throw tooBig(limit);
  }
  for (const entry of entries) {
    const data = entryData(file, entry);
    if (entry.method === STORED) {
      if (data.byteLength !== entry.size) throw notAZip();
    } else if (entry.method === DEFLATED) {
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooBig(limit);
        throw notAZip();
      }
      if (inflated.byteLength !== entry.size) throw notAZip();
    } else {
      throw notAZip();
    }
  }
}

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readCentralDirectory(file: Buffer): Entry[] {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  const earliest = Math.max(0, file.byteLength - 22 - 0xffff);
  let eocd = -1;
  for (let i = file.byteLength - 22; i >= earliest; i--) {
    if (file.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAZip();
  const count = file.readUInt16LE(eocd + 10);
  const offset = file.readUInt32LE(eocd + 16);
  // ZIP64 markers: no Word document under the upload limit needs them.
  if (count === 0xffff || offset === 0xffffffff) throw notAZip();
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.byteLength || file.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw notAZip();
    const entry = {
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localOffset: file.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) throw notAZip();
    entries.push(entry);
    at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

function entryData(file: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > file.byteLength || file.readUInt32LE(at) !== LOCAL_SIGNATURE) throw notAZip();
  const start = at + 30 + file.readUInt16LE(at + 26) + file.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > file.byteLength) throw notAZip();
  return file.subarray(start, end);
}
