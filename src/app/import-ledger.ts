/**
 * `comptoir import`: JSONL and CSV files into an organization's ledger (spec section 1), all
 * or nothing in one transaction, idempotent, conflicts and unknown references reported line
 * by line. Files are streamed through a staging table (see import-staging.ts): memory stays
 * bounded whatever their size.
 */
import { hash, randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import { AppError } from "../domain/errors.ts";
import { encodeFact } from "../domain/fact-codec.ts";
import { parseFact } from "../domain/fact-validation.ts";
import { minorDigits } from "../domain/money.ts";
import { getCharter } from "../store/charter-repository.ts";
import type { Store } from "../store/database.ts";
import {
  ErrorList,
  type ImportConflict,
  type ImportError,
  problemMessages,
} from "./import-errors.ts";
import { fileFormat, readLines } from "./import-readers.ts";
import {
  createStage,
  indexStage,
  insertStage,
  markDuplicates,
  markReferences,
  markStored,
  publishStage,
  type StageRow,
  stageBatchSize,
  stageCounts,
  stageProblems,
  tuneForImport,
} from "./import-staging.ts";

export type { ImportConflict, ImportError } from "./import-errors.ts";

export interface ImportOptions {
  orgId: string;
  /** Paths of `.jsonl` / `.ndjson` / `.json` (one object a line) or `.csv` files. */
  files: string[];
  /** Import the valid lines and report the others (default: all or nothing). */
  allowPartial?: boolean;
  /** Called as the files are read (bytes read so far, total bytes of all files). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Decimals of the currency; default: those of the organization's charter currency. */
  currencyDigits?: number;
}

export interface ImportReport {
  /** True when every line was valid (and so everything was imported). */
  ok: boolean;
  /** Whether the accepted lines were written (false when an invalid line refused them all). */
  committed: boolean;
  /** Per type: lines added, and lines already stored with the same content. */
  counts: Record<string, { added: number; unchanged: number }>;
  /** The first 100 errors, in file and line order. */
  errors: ImportError[];
  errorCount: number;
  /** The first 100 conflicts (same type and id, different content); each is also an error. */
  conflicts: ImportConflict[];
  conflictCount: number;
  /** Valid fact lines read. */
  totalFacts: number;
  importId: string;
  elapsedMs: number;
}

const MAX_LISTED = 100;

class Refused extends Error {}

/**
 * @example await importLedger(store, { orgId: org.id, files: ["ledger.jsonl"] })
 */
export async function importLedger(store: Store, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const sizes = await checkFiles(options.files);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const digits =
    options.currencyDigits ?? minorDigits((await getCharter(store, options.orgId)).currency);
  const allowPartial = options.allowPartial === true;
  const importId = randomUUID();
  const report: ImportReport = {
    ok: false,
    committed: false,
    counts: {},
    errors: [],
    errorCount: 0,
    conflicts: [],
    conflictCount: 0,
    totalFacts: 0,
    importId,
    elapsedMs: 0,
  };
  const dialect = store.dialect;
  const restore = await tuneForImport(store.db, dialect);
  try {
    await store.db.transaction().execute(async (trx) => {
      await createStage(trx, dialect);
      const errors = new ErrorList(MAX_LISTED);
      let n = 0;
      let bytesRead = 0;
      let batch: StageRow[] = [];
      const batchSize = stageBatchSize(dialect);
      for (const [fileIndex, file] of options.files.entries()) {
        const lenientNumbers = fileFormat(file) === "csv";
        const onBytes = (k: number) => {
          bytesRead += k;
          options.onProgress?.(bytesRead, totalBytes);
        };
        for await (const lines of readLines(file, onBytes)) {
          for (const read of lines) {
            n++;
            if (read.error) {
              errors.add({ n, file, line: read.line, ...read.error });
              continue;
            }
            const raw = read.raw as Record<string, unknown>;
            const parsed = parseFact(raw, { currencyDigits: digits, lenientNumbers });
            const at = { n, file: fileIndex, line: read.line };
            if (!parsed.ok) {
              for (const e of parsed.errors) errors.add({ n, file, line: read.line, ...e });
              const known = invalidRow(at, raw);
              if (known) batch.push(known);
            } else {
              report.totalFacts++;
              batch.push(stageRow(at, parsed.fact, parsed.offsets));
            }
            if (batch.length >= batchSize) {
              const q0 = performance.now();
              await insertStage(trx, dialect, batch);
              (globalThis as any).insMs = ((globalThis as any).insMs ?? 0) + performance.now() - q0;
              batch = [];
            }
          }
        }
      }
      await insertStage(trx, dialect, batch);
      batch = [];
      const T = (l: string) => { console.error(l, Math.round(performance.now() - started)); };
      T("staged"); console.error("insMs", Math.round((globalThis as any).insMs));
      await indexStage(trx, dialect);
      T("indexed");
      await markDuplicates(trx, dialect);
      T("dups");
      await markStored(trx, options.orgId);
      T("stored");
      await markReferences(trx, options.orgId, allowPartial);
      T("refs");
      const problems = await stageProblems(trx, MAX_LISTED);
      const listed = await problemMessages(
        trx,
        options.orgId,
        problems.rows,
        options.files,
        allowPartial,
      );
      for (const e of listed.errors) errors.add(e);
      errors.addUncounted(problems.total - problems.rows.length);
      report.errors = errors.list();
      report.errorCount = errors.count;
      report.conflicts = listed.conflicts;
      report.conflictCount = problems.conflicts;
      report.counts = await stageCounts(trx);
      if (errors.count > 0 && !allowPartial) throw new Refused();
      T("counts");
      await publishStage(trx, dialect, options.orgId, importId, new Date().toISOString());
      T("published");
      report.committed = true;
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    report.counts = {};
  } finally {
    await restore();
  }
  report.ok = report.errorCount === 0;
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

async function checkFiles(files: string[]): Promise<number[]> {
  return Promise.all(
    files.map(async (file) => {
      if (!fileFormat(file)) {
        throw new AppError(
          "BAD_INPUT",
          `${file}: unknown file format (use .jsonl, .ndjson, .json or .csv)`,
        );
      }
      try {
        return (await stat(file)).size;
      } catch (error) {
        throw new AppError(
          "BAD_INPUT",
          `${file}: cannot read the file (${(error as Error).message})`,
        );
      }
    }),
  );
}

type Position = { n: number; file: number; line: number };

function stageRow(
  at: Position,
  fact: Parameters<typeof encodeFact>[0],
  offsets: Record<string, string>,
): StageRow {
  const enc = encodeFact(fact, offsets);
  const refs = fact as { order?: string; invoice?: string };
  return {
    ...at,
    type: enc.type,
    id: enc.id,
    at: enc.at,
    at_offset: enc.at_offset,
    customer: enc.customer,
    data: enc.data,
    hash: hash("sha256", enc.content),
    ref_order: refs.order ?? null,
    ref_invoice: refs.invoice ?? null,
    problem: null,
  };
}

/**
 * An invalid line is staged by its type and id alone, so that lines referring to it are not
 * also reported as "unknown" (fixing it fixes them).
 */
function invalidRow(at: Position, raw: Record<string, unknown>): StageRow | undefined {
  if (typeof raw.type !== "string" || typeof raw.id !== "string" || raw.id.trim() === "") {
    return undefined;
  }
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return {
    ...at,
    type: raw.type,
    id: raw.id,
    at: null,
    at_offset: null,
    customer: raw.type === "customer" ? raw.id : text(raw.customer),
    data: null,
    hash: null,
    ref_order: null,
    ref_invoice: null,
    problem: "invalid",
  };
}
