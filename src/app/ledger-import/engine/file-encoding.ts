/**
 * The text encoding of an import file, found from its bytes: UTF-8 (with or without a BOM),
 * UTF-16 (by its BOM, or by the zero bytes of ASCII text without one), else Latin-1 as
 * Windows writes it (Windows-1252: any byte sequence that is not UTF-8). A file in UTF-16 or
 * Latin-1 is converted into a UTF-8 copy before the import reads it, and the report says so
 * (`converted: [{file: "clients.csv", from: "Latin-1 (Windows-1252)"}]`). Line numbers are the same
 * in the copy. One pass over the bytes (UTF-8 is checked in 1 MiB reads, about 0.3 s a GB).
 */
import { isUtf8 } from "node:buffer";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

export type FileEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

const CHUNK = 1 << 20;

/** The names people know the encodings by, in notices. */
export const ENCODING_NAMES: Record<FileEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Latin-1 (Windows-1252)",
};

/** Reads the file once and tells its encoding. */
export async function detectEncoding(path: string): Promise<FileEncoding> {
  let first = true;
  let carry: Buffer | undefined;
  for await (const read of createReadStream(path, { highWaterMark: CHUNK })) {
    const chunk = read as Buffer;
    if (first) {
      first = false;
      const utf16 = utf16Of(chunk);
      if (utf16) return utf16;
    }
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    // Cut after the last ASCII byte: a multi-byte character never holds one, so the part
    // before the cut is whole characters (a file with no ASCII at all is checked at the end).
    let cut = buf.length;
    while (cut > 0 && buf[cut - 1] >= 0x80) cut--;
    if (cut === 0 && buf.length < 4 * CHUNK) {
      carry = buf;
      continue;
    }
    if (!isUtf8(buf.subarray(0, cut || buf.length))) return "windows-1252";
    carry = cut === 0 ? undefined : buf.subarray(cut);
  }
  return carry && !isUtf8(carry) ? "windows-1252" : "utf-8";
}

/** UTF-16 by its BOM, or by every other byte being zero in the first hundreds (ASCII text). */
function utf16Of(head: Buffer): FileEncoding | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return "utf-16be";
  return undefined;
}

/** Windows-1252's 0x80-0x9F (the rest of its bytes are Latin-1's, the same code points). */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Buffer): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80 && b <= 0x9f) {
      out += bytes.toString("latin1", from, i) + CP1252_HIGH[b - 0x80];
      from = i + 1;
    }
  }
  return out + bytes.toString("latin1", from);
}

function decoder(encoding: FileEncoding): (bytes: Buffer, end: boolean) => string {
  if (encoding === "windows-1252") return (bytes) => decodeWindows1252(bytes);
  const utf16 = new TextDecoder(encoding, { ignoreBOM: false });
  return (bytes, end) => utf16.decode(bytes, { stream: !end });
}

/** The file as UTF-8 (no BOM), written to `target`. */
async function convertToUtf8(path: string, encoding: FileEncoding, target: string): Promise<void> {
  const decode = decoder(encoding);
  await pipeline(
    createReadStream(path, { highWaterMark: CHUNK }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, Buffer.from(decode(chunk, false), "utf8"));
      },
      flush(done) {
        done(null, Buffer.from(decode(Buffer.alloc(0), true), "utf8"));
      },
    }),
    createWriteStream(target),
  );
}

export interface FileConversion {
  file: string;
  /** The encoding as people name it: `Latin-1 (Windows-1252)`, `UTF-16 (little-endian)`. */
  from: string;
}

export interface ReadableFiles {
  /** The files to read, in order: the given path, or its UTF-8 copy. */
  paths: string[];
  /** The files converted to UTF-8, by name, and the encoding each was in. */
  converted: FileConversion[];
  /** Removes the copies. */
  cleanup(): Promise<void>;
}

/**
 * Each file in UTF-8: the file itself, or a copy converted from UTF-16 or Latin-1 (named as
 * the original, in a folder of its own, so that a CSV's name still tells its type).
 */
export async function utf8Files(files: readonly string[]): Promise<ReadableFiles> {
  const paths: string[] = [];
  const converted: FileConversion[] = [];
  let dir: string | undefined;
  const cleanup = async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const [i, file] of files.entries()) {
      const encoding = await detectEncoding(file);
      if (encoding === "utf-8") {
        paths.push(file);
        continue;
      }
      dir ??= await mkdtemp(join(tmpdir(), "comptoir-utf8-"));
      const folder = await mkdtemp(join(dir, `${i}-`));
      const target = join(folder, basename(file));
      await convertToUtf8(file, encoding, target);
      paths.push(target);
      converted.push({ file: basename(file), from: ENCODING_NAMES[encoding] });
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { paths, converted, cleanup };
}
