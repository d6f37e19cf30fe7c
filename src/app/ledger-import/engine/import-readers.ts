/**
 * Streams the lines of one import file as raw objects, in batches, never holding the file:
 * JSON lines (`.jsonl`, `.ndjson`, `.json`) or CSV with a header row (`.csv`).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parse } from "csv-parse";
import { restoreCell } from "../../../domain/csv-cells.ts";
import { FACT_TYPES, type FactType } from "../../../domain/facts.ts";
import {
  FIELDS_WITH_FRENCH_VALUES,
  frenchColumns,
  typeOfFrenchFileName,
  typeOfFrenchWord,
  valueOfFrenchWord,
} from "../../../domain/import-french.ts";
import {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  lineTooLong,
  textTooLong,
} from "./import-limits.ts";

/** One line read: its raw fields, or why it could not be read at all. */
export interface RawLine {
  line: number;
  raw?: Record<string, unknown>;
  error?: { field: string; reason: string };
}

export type FileFormat = "jsonl" | "csv";

const BATCH = 1000;
const CHUNK = 1 << 20;

export function fileFormat(path: string): FileFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson" || ext === ".json") return "jsonl";
  if (ext === ".csv") return "csv";
  return undefined;
}

/**
 * `orders.csv`, `order.csv`, `commandes.csv` → "order"; undefined when the name names no type.
 */
export function typeFromFileName(path: string): FactType | undefined {
  const name = basename(path, extname(path)).toLowerCase();
  for (const type of FACT_TYPES) {
    if (name === type || name === `${type}s`) return type;
  }
  return typeOfFrenchFileName(name);
}

/** Whether a file's name is French (`factures.csv`, not `incidents.csv`, English too). */
function frenchFileName(path: string): boolean {
  const name = basename(path, extname(path)).toLowerCase();
  return (
    !FACT_TYPES.some((t) => name === t || name === `${t}s`) &&
    typeOfFrenchFileName(name) !== undefined
  );
}

/** What the reader learnt of a CSV file's header: the column each field was read from. */
export interface CsvColumns {
  /** Field → the column as the file names it, for the fields read from a French name. */
  renamed: Record<string, string>;
}

/** The lines of a file in batches; `onBytes` gets the size of each chunk read. */
export function readLines(
  path: string,
  onBytes: (n: number) => void,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  onColumns?: (columns: CsvColumns) => void,
): AsyncGenerator<RawLine[]> {
  return fileFormat(path) === "csv"
    ? readCsv(path, onBytes, limits, onColumns)
    : readJsonLines(path, onBytes, limits);
}

async function* readJsonLines(path: string, onBytes: (n: number) => void, limits: ImportLimits) {
  let rest: Buffer | undefined;
  let lineNo = 0;
  let batch: RawLine[] = [];
  // Inside a line already refused as too long: its bytes are dropped up to its newline.
  let skipping = false;
  for await (const read of createReadStream(path, { highWaterMark: CHUNK })) {
    let chunk = read as Buffer;
    onBytes(chunk.length);
    if (skipping) {
      const nl = chunk.indexOf(10);
      if (nl === -1) continue;
      chunk = chunk.subarray(nl + 1);
      skipping = false;
      lineNo++;
    }
    const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    const end = buf.lastIndexOf(10) + 1;
    lineNo += readJsonText(buf.toString("utf8", 0, end), lineNo, lineNo === 0, batch, limits);
    rest = end < buf.length ? buf.subarray(end) : undefined;
    if (rest && rest.length > limits.lineBytes) {
      // Never held whole: a 450 MB line costs one pass over its bytes, not 450 MB of memory.
      batch.push({ line: lineNo + 1, error: lineTooLong(limits) });
      rest = undefined;
      skipping = true;
    }
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (rest) readJsonText(rest.toString("utf8"), lineNo, lineNo === 0, batch, limits);
  if (batch.length > 0) yield batch;
}

/**
 * Reads every line of `text` into `out`, numbered from `line0 + 1`: each "\n" ends one, and
 * what follows the last is one more unless empty. Decoded in one call by the caller, then cut:
 * a newline byte is never part of a multi-byte character, so each line reads as if decoded on
 * its own. `fileStart`: the text begins the file (its first line loses a BOM). Returns how
 * many lines it read, blank ones included.
 */
export function readJsonText(
  text: string,
  line0: number,
  fileStart: boolean,
  out: { push(read: RawLine): void },
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): number {
  let line = line0;
  const take = (raw: string) => {
    line++;
    const bytes = textTooLong(raw, limits);
    if (bytes !== undefined) {
      out.push({ line, error: lineTooLong(limits, bytes) });
      return;
    }
    const read = readJsonLine(
      fileStart && line === line0 + 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw,
      line,
    );
    if (read) out.push(read);
  };
  let start = 0;
  for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
    take(text.slice(start, nl));
    start = nl + 1;
  }
  if (start < text.length) take(text.slice(start));
  return line - line0;
}

function readJsonLine(text: string, line: number): RawLine | undefined {
  // A line from `{` to `}`, as nearly all are, has nothing to trim.
  const trimmed =
    text.charCodeAt(0) === 123 && text.charCodeAt(text.length - 1) === 125 ? text : text.trim();
  if (trimmed === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return {
      line,
      error: { field: "json", reason: `not valid JSON (${(error as Error).message})` },
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { line, error: { field: "json", reason: "must be one JSON object per line" } };
  }
  return { line, raw: value as Record<string, unknown> };
}

/** `;`, `,` or tab, whichever the header line uses most (outside quotes). */
export async function detectDelimiter(path: string): Promise<string> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.toString("utf8", 0, bytesRead);
    const counts = new Map<string, number>([
      [",", 0],
      [";", 0],
      ["\t", 0],
    ]);
    let quoted = false;
    for (const ch of head) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === "\n" || ch === "\r")) break;
      else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
    return count > 0 ? best : ",";
  } finally {
    await file.close();
  }
}

async function* readCsv(
  path: string,
  onBytes: (n: number) => void,
  limits: ImportLimits,
  onColumns?: (columns: CsvColumns) => void,
) {
  const delimiter = await detectDelimiter(path);
  const fileType = typeFromFileName(path);
  const input = createReadStream(path, { highWaterMark: CHUNK });
  input.on("data", (chunk) => onBytes(chunk.length));
  const parser = input.pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      // Unquoted cells are trimmed; a quoted one is kept as written (`" Ana "` keeps its spaces).
      cast: (value, context) => (context.quoting ? value : value.trim()),
      // In characters (csv-parse counts them so): the rest of the file is not read.
      max_record_size: limits.lineBytes,
    }),
  );
  let header: string[] | undefined;
  // Columns whose French words are translated, on French files only (none for English ones).
  let wordColumns: string[] = [];
  let batch: RawLine[] = [];
  let lastLine = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      lastLine = info.lines;
      if (!header) {
        // Mapped once per file: French column names become the spec's fields.
        const written = record.map((h) => restoreCell(h.trim()));
        const mapped = frenchColumns(written, fileType);
        header = mapped.fields;
        const renamed: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) {
          if (header[i] !== written[i]) renamed[header[i]] = written[i];
        }
        onColumns?.({ renamed });
        if (mapped.french || frenchFileName(path)) {
          wordColumns = header.filter((f) => f === "type" || FIELDS_WITH_FRENCH_VALUES.has(f));
        }
        continue;
      }
      const row = csvRow(header, record, info.lines, fileType, path);
      if (wordColumns.length > 0 && row.raw) frenchValues(row.raw, wordColumns);
      batch.push(row);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    input.destroy();
    const { code, lines } = error as { code?: string; lines?: number };
    const tooLong = code === "CSV_MAX_RECORD_SIZE";
    batch.push({
      // csv-parse knows the line it stopped on; the records yielded may lag behind it.
      line: typeof lines === "number" ? lines : lastLine + 1,
      error: tooLong
        ? {
            field: "line",
            reason: `${lineTooLong(limits).reason} (the rest of the file is not read)`,
          }
        : { field: "csv", reason: (error as Error).message },
    });
  }
  if (batch.length > 0) yield batch;
}

function csvRow(
  header: string[],
  cells: string[],
  line: number,
  fileType: FactType | undefined,
  path: string,
): RawLine {
  if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== "")) {
    return {
      line,
      error: {
        field: "row",
        reason: `has ${cells.length} cells, the header has ${header.length}`,
      },
    };
  }
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < header.length && i < cells.length; i++) {
    // Blank is absent, quoted or not; a formula neutralized by the export gets its text back.
    const cell = cells[i];
    if (cell.trim() !== "" && header[i] !== "") {
      // Defined, not assigned: a column named `__proto__` is a field (kept under extra).
      Object.defineProperty(raw, header[i] as string, {
        value: restoreCell(cell),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  if (raw.type === undefined) {
    if (fileType) raw.type = fileType;
    else {
      return {
        line,
        error: {
          field: "type",
          reason: `required (no type column, and the file name "${basename(path)}" names no type)`,
        },
      };
    }
  }
  return { line, raw };
}

/** Replaces the French words of a line's enumerated fields (`matière`) by the spec's values. */
function frenchValues(raw: Record<string, unknown>, columns: readonly string[]): void {
  if (typeof raw.type === "string") raw.type = typeOfFrenchWord(raw.type) ?? raw.type;
  const type = raw.type;
  if (typeof type !== "string") return;
  for (const field of columns) {
    const word = raw[field];
    if (field === "type" || typeof word !== "string") continue;
    const value = valueOfFrenchWord(type, field, word);
    if (value !== undefined) raw[field] = value;
  }
}
