/**
 * The JavaScript half of an import: lines read → validated, encoded and hashed rows for the
 * staging table, in parts of a few thousand lines. The same code runs on the main thread
 * (small files, CSV) or in a worker thread (large JSON-lines files, see import-parts.ts).
 */
import { hash } from "node:crypto";
import { encodeFact } from "../../../domain/fact-codec.ts";
import { type ParseOptions, parseFact } from "../../../domain/fact-validation.ts";
import type { Fact } from "../../../domain/facts.ts";
import type { ImportError } from "./import-errors.ts";
import { type ImportLimits, textProblems } from "./import-limits.ts";
import { type CsvColumns, type RawLine, readLines } from "./import-readers.ts";
import { noStagedRows, type StagedRows, StagedRowsBuilder } from "./staged-rows.ts";

/** The staging table's columns, in the order of `Part.values` (numbers, then texts). */
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
  /** The file read (a UTF-8 copy when the upload was in another encoding, see file-encoding.ts). */
  path: string;
  /** The file as its errors name it: the path the user gave. */
  name: string;
  limits: ImportLimits;
  fileIndex: number;
  digits: number;
  lenientNumbers: boolean;
  /** CSV in French: `jj/mm/aaaa` dates, date-times in this time zone (see parseFact). */
  frenchDatesZone?: string;
  n0: number;
}

/** A part of a file: its staged rows (packed, see staged-rows.ts), and its errors. */
export interface Part {
  values: StagedRows;
  rows: number;
  errors: (ImportError & { n: number })[];
  /** Valid fact lines in the part. */
  valid: number;
  /** Bytes of the file read since the previous part. */
  bytes: number;
  /** Position of the part's last line in the import. */
  n: number;
  /**
   * Customer records merged into another (`merged_into`, docs/customers.md): few, so their
   * target is checked after staging, in the import or stored, one by one.
   */
  merges: MergeReference[];
}

/** A customer line's `merged_into`, with where the line stands. */
export interface MergeReference {
  n: number;
  file: string;
  line: number;
  /** The customer merged (what the line corrects, or its own id). */
  id: string;
  into: string;
}

/** A file's parts, computed on this thread. */
export async function* fileParts(
  job: FileJob,
  onColumns?: (columns: CsvColumns) => void,
): AsyncGenerator<Part> {
  let bytes = 0;
  let n = job.n0;
  for await (const lines of readLines(
    job.path,
    (k) => {
      bytes += k;
    },
    job.limits,
    onColumns,
  )) {
    const part = stageLines(lines, job, n);
    part.bytes = bytes;
    bytes = 0;
    n = part.n;
    yield part;
  }
  if (bytes > 0) {
    yield { values: noStagedRows(), rows: 0, errors: [], valid: 0, bytes, n, merges: [] };
  }
}

export function stageLines(lines: RawLine[], job: FileJob, n0: number): Part {
  const stager = new LineStager(job, n0);
  for (const read of lines) stager.push(read);
  return stager.finish();
}

/**
 * Stages lines one by one as they are read (`push`, so that it can stand for the array
 * readJsonText fills): each line's parsed object is garbage at once, instead of a part's
 * thousands of them outliving a few scavenges.
 */
export class LineStager {
  private readonly out = new StagedRowsBuilder();
  private readonly errors: Part["errors"] = [];
  private readonly merges: MergeReference[] = [];
  private readonly opts: ParseOptions;
  private valid = 0;
  private n: number;

  constructor(
    private readonly job: FileJob,
    n0: number,
  ) {
    this.n = n0;
    this.opts = {
      currencyDigits: job.digits,
      lenientNumbers: job.lenientNumbers,
      frenchDatesZone: job.frenchDatesZone,
    };
  }

  push(read: RawLine): void {
    const n = ++this.n;
    const job = this.job;
    if (read.error) {
      this.errors.push({ n, file: job.name, line: read.line, ...read.error });
      return;
    }
    const raw = read.raw as Record<string, unknown>;
    const problems = textProblems(raw, job.limits);
    const parsed =
      problems.length > 0 ? { ok: false as const, errors: problems } : parseFact(raw, this.opts);
    if (!parsed.ok) {
      for (const e of parsed.errors) this.errors.push({ n, file: job.name, line: read.line, ...e });
      // Refused for a NUL or a huge text: not staged at all (PostgreSQL stores no NUL).
      if (problems.length === 0) pushInvalid(this.out, n, job.fileIndex, read.line, raw);
    } else {
      this.valid++;
      const into = parsed.fact.type === "customer" ? parsed.fact.extra?.merged_into : undefined;
      if (typeof into === "string") {
        // The customer merged: the one a correction corrects, else the line's own.
        const id = parsed.fact.corrects ?? parsed.fact.id;
        this.merges.push({ n, file: job.name, line: read.line, id, into });
      }
      pushValid(this.out, n, job.fileIndex, read.line, parsed.fact, parsed.offsets);
    }
  }

  finish(): Part {
    const { out, errors, valid, n, merges } = this;
    return { values: out.finish(), rows: out.rows, errors, valid, bytes: 0, n, merges };
  }
}

function pushValid(
  out: StagedRowsBuilder,
  n: number,
  file: number,
  line: number,
  fact: Fact,
  offsets: Record<string, string>,
): void {
  const enc = encodeFact(fact, offsets);
  const refs = fact as { order?: string; invoice?: string };
  out.row(n, file, line);
  out.text(enc.type);
  out.text(enc.id);
  out.text(enc.at);
  out.text(enc.at_offset);
  out.text(enc.customer);
  out.text(enc.data);
  out.text(hash("sha256", enc.content));
  out.text(refs.order ?? null);
  out.text(refs.invoice ?? null);
  out.text(null);
}

/**
 * An invalid line is staged by its type and id alone, so that lines referring to it are not
 * also reported as "unknown" (fixing it fixes them).
 */
function pushInvalid(
  out: StagedRowsBuilder,
  n: number,
  file: number,
  line: number,
  raw: Record<string, unknown>,
): void {
  if (typeof raw.type !== "string" || typeof raw.id !== "string" || raw.id.trim() === "") {
    return;
  }
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  const customer = raw.type === "customer" ? raw.id : text(raw.customer);
  out.row(n, file, line);
  out.text(raw.type);
  out.text(raw.id);
  out.text(null);
  out.text(null);
  out.text(customer);
  for (let c = 0; c < 4; c++) out.text(null); // data, hash, ref_order, ref_invoice
  out.text("invalid");
}
