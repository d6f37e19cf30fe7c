/**
 * The JavaScript half of an import: lines read → validated, encoded and hashed rows for the
 * staging table, in parts of a few thousand lines. The same code runs on the main thread
 * (small files, CSV) or in a worker thread (large JSON-lines files, see import-parts.ts).
 */
import { hash } from "node:crypto";
import { encodeFact } from "../domain/fact-codec.ts";
import { parseFact } from "../domain/fact-validation.ts";
import type { Fact } from "../domain/facts.ts";
import type { ImportError } from "./import-errors.ts";
import { type RawLine, readLines } from "./import-readers.ts";

/** The staging table's columns, in the order of `Part.values`. */
export const STAGE_COLUMNS = [
  "n",
  "file",
  "line",
  "type",
  "id",
  "at",
  "at_offset",
  "customer",
  "data",
  "hash",
  "ref_order",
  "ref_invoice",
  "problem",
] as const;

/** Where and how a file is read. `n0`: the import position of its first line, less one. */
export interface FileJob {
  path: string;
  fileIndex: number;
  digits: number;
  lenientNumbers: boolean;
  n0: number;
}

/** A part of a file: its staged rows, flat (`STAGE_COLUMNS` per row), and its errors. */
export interface Part {
  values: unknown[];
  rows: number;
  errors: (ImportError & { n: number })[];
  /** Valid fact lines in the part. */
  valid: number;
  /** Bytes of the file read since the previous part. */
  bytes: number;
  /** Position of the part's last line in the import. */
  n: number;
}

/** A file's parts, computed on this thread. */
export async function* fileParts(job: FileJob): AsyncGenerator<Part> {
  let bytes = 0;
  let n = job.n0;
  for await (const lines of readLines(job.path, (k) => {
    bytes += k;
  })) {
    const part = stageLines(lines, job, n);
    part.bytes = bytes;
    bytes = 0;
    n = part.n;
    yield part;
  }
  if (bytes > 0) yield { values: [], rows: 0, errors: [], valid: 0, bytes, n };
}

export function stageLines(lines: RawLine[], job: FileJob, n0: number): Part {
  const part: Part = { values: [], rows: 0, errors: [], valid: 0, bytes: 0, n: n0 };
  const opts = { currencyDigits: job.digits, lenientNumbers: job.lenientNumbers };
  let n = n0;
  for (const read of lines) {
    n++;
    if (read.error) {
      part.errors.push({ n, file: job.path, line: read.line, ...read.error });
      continue;
    }
    const raw = read.raw as Record<string, unknown>;
    const parsed = parseFact(raw, opts);
    if (!parsed.ok) {
      for (const e of parsed.errors) part.errors.push({ n, file: job.path, line: read.line, ...e });
      if (pushInvalid(part.values, n, job.fileIndex, read.line, raw)) part.rows++;
    } else {
      part.valid++;
      pushValid(part.values, n, job.fileIndex, read.line, parsed.fact, parsed.offsets);
      part.rows++;
    }
  }
  part.n = n;
  return part;
}

function pushValid(
  out: unknown[],
  n: number,
  file: number,
  line: number,
  fact: Fact,
  offsets: Record<string, string>,
): void {
  const enc = encodeFact(fact, offsets);
  const refs = fact as { order?: string; invoice?: string };
  // One push of the STAGE_COLUMNS values: growing `out.length` first costs more.
  out.push(
    n,
    file,
    line,
    enc.type,
    enc.id,
    enc.at,
    enc.at_offset,
    enc.customer,
    enc.data,
    hash("sha256", enc.content),
    refs.order ?? null,
    refs.invoice ?? null,
    null,
  );
}

/**
 * An invalid line is staged by its type and id alone, so that lines referring to it are not
 * also reported as "unknown" (fixing it fixes them).
 */
function pushInvalid(
  out: unknown[],
  n: number,
  file: number,
  line: number,
  raw: Record<string, unknown>,
): boolean {
  if (typeof raw.type !== "string" || typeof raw.id !== "string" || raw.id.trim() === "") {
    return false;
  }
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  const customer = raw.type === "customer" ? raw.id : text(raw.customer);
  out.push(
    n,
    file,
    line,
    raw.type,
    raw.id,
    null,
    null,
    customer,
    null,
    null,
    null,
    null,
    "invalid",
  );
  return true;
}
