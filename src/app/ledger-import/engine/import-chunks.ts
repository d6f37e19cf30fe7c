/**
 * A JSON-lines file cut into chunks of about `chunkBytes`, so that several worker threads can
 * parse one file at once (see import-parts.ts). A line belongs to the chunk where its first
 * byte lies; a chunk's reader finishes its last line past the chunk's end. Each chunk is
 * staged with positions local to it (`n` and `line` from 1); the main thread, which takes the
 * chunks in file order, adds the counts of the chunks before (`shiftPart`).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { lineTooLong } from "./import-limits.ts";
import { readJsonText } from "./import-readers.ts";
import { type FileJob, LineStager, type Part } from "./import-rows.ts";
import { NUMBER_COLUMNS, noStagedRows } from "./staged-rows.ts";

/** A chunk's part, with what the main thread needs to place it in the file. */
export interface ChunkPart extends Part {
  /** Lines in the chunk, blank ones included (the file's line numbers move by as many). */
  lines: number;
}

/** How many chunks a file of `size` bytes has. */
export function chunkCount(size: number, chunkBytes: number): number {
  return Math.max(1, Math.ceil(size / chunkBytes));
}

/** Reads chunk `k` of an open file (`fd`) and stages its lines, positions local to the chunk. */
export function stageChunk(
  fd: number,
  size: number,
  k: number,
  chunkBytes: number,
  job: FileJob,
): ChunkPart {
  const from = k * chunkBytes;
  const to = Math.min(size, from + chunkBytes);
  // From one byte before the chunk: a newline there means a line starts exactly at `from`.
  const readFrom = k === 0 ? 0 : from - 1;
  const head = readAt(fd, readFrom, to - readFrom);
  // No newline from the byte before the chunk to its end: no line starts in it (a long line
  // that started earlier runs through it, and belongs to the chunk where it started).
  if (k > 0 && head.indexOf(10) === -1) return emptyPart(to - from);
  // Finish the last line: read on until a newline at or after the chunk's last byte, or EOF
  // (pieces joined once: a line of many megabytes costs one copy, not one per piece). Past
  // the longest line allowed, stop: that line is refused, never held whole.
  const pieces = [head];
  let end = to;
  let cut = false;
  if (head[head.length - 1] !== 10) {
    const stop = to + job.limits.lineBytes + 1;
    while (end < size) {
      if (end >= stop) {
        cut = true;
        break;
      }
      const more = readAt(fd, end, Math.min(64 * 1024, size - end));
      const nl = more.indexOf(10);
      const piece = nl === -1 ? more : more.subarray(0, nl + 1);
      pieces.push(piece);
      end += piece.length;
      if (nl !== -1 || piece.length === 0) break;
    }
  }
  const buf = pieces.length === 1 ? head : Buffer.concat(pieces);
  let start = 0;
  if (k > 0) {
    const nl = buf.indexOf(10);
    // No newline at all: a line started before this chunk and runs through it.
    start = nl === -1 || nl >= to - readFrom ? buf.length : nl + 1;
  }
  const stager = new LineStager(job, 0);
  // A cut line is read up to its start, then refused by its number.
  const stop = cut ? Math.max(start, buf.lastIndexOf(10) + 1) : buf.length;
  let count = readJsonText(buf.toString("utf8", start, stop), 0, k === 0, stager, job.limits);
  if (cut && start < buf.length) {
    count++;
    stager.push({ line: count, error: lineTooLong(job.limits) });
  }
  const part = stager.finish() as ChunkPart;
  part.lines = count;
  part.bytes = to - from;
  return part;
}

function emptyPart(bytes: number): ChunkPart {
  return {
    values: noStagedRows(),
    rows: 0,
    errors: [],
    valid: 0,
    bytes,
    n: 0,
    lines: 0,
    merges: [],
  };
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const k = readSync(fd, buf, got, length - got, position + got);
    if (k === 0) break;
    got += k;
  }
  return got < length ? buf.subarray(0, got) : buf;
}

/** Moves a chunk's part to its place in the import: `n0` lines staged and `line0` lines before. */
export function shiftPart(part: ChunkPart, n0: number, line0: number): Part {
  const v = part.values.numbers; // n, file, line
  for (let k = 0; k < part.rows * NUMBER_COLUMNS; k += NUMBER_COLUMNS) {
    v[k] += n0;
    v[k + 2] += line0;
  }
  for (const e of [...part.errors, ...part.merges]) {
    e.n += n0;
    e.line += line0;
  }
  part.n += n0;
  return part;
}

/** Opens `path` for stageChunk; the returned function closes it. */
export function openChunks(path: string): { fd: number; close: () => void } {
  const fd = openSync(path, "r");
  return { fd, close: () => closeSync(fd) };
}
