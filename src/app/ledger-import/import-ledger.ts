/**
 * `comptoir import`: JSONL and CSV files into an organization's ledger (spec section 1), all
 * or nothing in one transaction, idempotent, conflicts and unknown references reported line
 * by line. Files are streamed through a staging table (see import-staging.ts): memory stays
 * bounded whatever their size.
 */
import { randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import { AppError } from "../../domain/errors.ts";
import { frenchColumn } from "../../domain/import-french.ts";
import { importErrorMessage, importErrorReason } from "../../domain/import-messages.ts";
import { minorDigits } from "../../domain/money.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { insertOrganization } from "../../store/organization-repository.ts";
import { type FileConversion, utf8Files } from "./engine/file-encoding.ts";
import { ErrorList, type ImportConflict, type ImportError } from "./engine/import-errors.ts";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./engine/import-limits.ts";
import { fileStagedParts } from "./engine/import-parts.ts";
import { fileFormat } from "./engine/import-readers.ts";
import type { MergeReference } from "./engine/import-rows.ts";
import {
  createStage,
  hasStoredFacts,
  indexStage,
  markDuplicates,
  markReferences,
  markStored,
  publishFirstImport,
  publishStage,
  stageCounts,
  stageProblems,
  stageWriter,
  tuneForImport,
} from "./engine/import-staging.ts";
import { checkMerges } from "./engine/merge-references.ts";
import { problemMessages } from "./engine/problem-messages.ts";
import { ReferenceTally } from "./engine/reference-tally.ts";

export type { ImportConflict, ImportError } from "./engine/import-errors.ts";

export interface ImportOptions {
  orgId: string;
  /**
   * The organization does not exist yet: it is created inside the import's transaction, so
   * that an import refused, failed or killed leaves no empty organization behind.
   */
  newOrganization?: { slug: string };
  /** Longest line and text (default 1 MiB and 10,000 characters, see import-limits.ts). */
  limits?: Partial<ImportLimits>;
  /** Paths of `.jsonl` / `.ndjson` / `.json` (one object a line) or `.csv` files. */
  files: string[];
  /** Import the valid lines and report the others (default: all or nothing). */
  allowPartial?: boolean;
  /** Called as the files are read (bytes read so far, total bytes of all files). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /**
   * The language of the import (`--lang`; default: the organization's, else English): in
   * French, CSV dates may be written `jj/mm/aaaa` (and errors are told in French).
   */
  lang?: "fr" | "en";
  /** Time zone of `jj/mm/aaaa hh:mm` date-times; default: the organization's. */
  timeZone?: string;
  /** Decimals of the currency; default: those of the organization's charter currency. */
  currencyDigits?: number;
  /** Read JSON-lines files in worker threads (default: files of 4 MB or more). */
  worker?: boolean;
  /** Workers sharing a large file, and the size of its chunks (see import-parts.ts). */
  workers?: number;
  chunkBytes?: number;
  /** SQLite: input size from which a rollback journal replaces WAL (store/import-sqlite.ts). */
  rollbackJournalMinBytes?: number;
  /**
   * SQLite: a first import into an organization goes straight into `facts` when no line is
   * refused (publishFirstImport; default true). Tests compare it with the general way.
   */
  straightFirstImport?: boolean;
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
  /** Lines in error (a line may have several errors): what the owner has to fix. */
  errorLineCount: number;
  /** The language of the errors' `message` (the import's, see ImportOptions.lang). */
  lang: "fr" | "en";
  /** The first 100 conflicts (same type and id, different content); each is also an error. */
  conflicts: ImportConflict[];
  conflictCount: number;
  /** Valid fact lines read. */
  totalFacts: number;
  /** Files that were not UTF-8 and were converted before reading (see file-encoding.ts). */
  converted: FileConversion[];
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
  await checkFiles(options.files);
  const readable = await utf8Files(options.files);
  try {
    const report = await importUtf8(store, options, readable.paths);
    report.converted = readable.converted;
    report.elapsedMs = Math.round(performance.now() - started);
    return report;
  } finally {
    await readable.cleanup();
  }
}

/** The import proper, of files in UTF-8 (`paths`, in the order of `options.files`). */
async function importUtf8(
  store: Store,
  options: ImportOptions,
  paths: string[],
): Promise<ImportReport> {
  const started = performance.now();
  const sizes = await checkFiles(paths);
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const digits =
    options.currencyDigits ?? minorDigits((await getCharter(store, options.orgId)).currency);
  const allowPartial = options.allowPartial === true;
  const { lang, timeZone } = await importLanguage(store, options);
  /** Per file (as the user named it): each field read from a French column, and its name. */
  const renamed = new Map<string, Record<string, string>>();
  const importId = randomUUID();
  const report: ImportReport = {
    ok: false,
    committed: false,
    counts: {},
    errors: [],
    errorCount: 0,
    errorLineCount: 0,
    lang,
    conflicts: [],
    conflictCount: 0,
    totalFacts: 0,
    converted: [],
    importId,
    elapsedMs: 0,
  };
  const dialect = store.dialect;
  const lap = phaseTimer(process.env.COMPTOIR_IMPORT_TRACE === "1" && totalBytes >= 1 << 20);
  const restore = await tuneForImport(store.db, dialect, {
    bytes: totalBytes,
    rollbackJournalMinBytes: options.rollbackJournalMinBytes,
  });
  // A first import on SQLite tallies its references as it goes, to skip the general way. Asked
  // before the transaction: a read of the database inside it, before the lines are staged,
  // would fix its snapshot, and its first write would then fail (SQLITE_BUSY_SNAPSHOT) if
  // anything else wrote meanwhile. Asked again inside, after staging.
  const tally =
    dialect === "sqlite" &&
    options.straightFirstImport !== false &&
    !(await hasStoredFacts(store.db, options.orgId))
      ? new ReferenceTally()
      : undefined;
  try {
    await store.db.transaction().execute(async (trx) => {
      if (options.newOrganization) {
        await insertOrganization(trx, { id: options.orgId, slug: options.newOrganization.slug });
      }
      await createStage(trx, dialect);
      const writeStage = await stageWriter(trx, dialect, tally);
      const errors = new ErrorList(MAX_LISTED);
      const merges: MergeReference[] = [];
      let n = 0;
      let bytesRead = 0;
      for (const [fileIndex, path] of paths.entries()) {
        const lenientNumbers = fileFormat(path) === "csv";
        const name = options.files[fileIndex];
        const frenchDatesZone = lenientNumbers && lang === "fr" ? timeZone : undefined;
        const job = {
          path,
          name,
          limits,
          fileIndex,
          digits,
          lenientNumbers,
          frenchDatesZone,
          n0: n,
        };
        const parts = fileStagedParts(job, sizes[fileIndex], options, (columns) => {
          if (Object.keys(columns.renamed).length > 0) renamed.set(name, columns.renamed);
        });
        for await (const part of parts) {
          for (const e of part.errors) errors.add(e);
          merges.push(...part.merges);
          report.totalFacts += part.valid;
          n = part.n;
          await writeStage(part.values, part.rows);
          if (part.bytes > 0) {
            bytesRead += part.bytes;
            options.onProgress?.(bytesRead, totalBytes);
          }
        }
      }

      lap("staging");
      const badMerges = await checkMerges(trx, options.orgId, merges);
      for (const e of badMerges) errors.add(e);
      report.totalFacts -= badMerges.length;
      const stored = await hasStoredFacts(trx, options.orgId);
      if (tally && !stored && errors.count === 0 && tally.clean()) {
        const counts = await publishFirstImport(
          trx,
          options.orgId,
          importId,
          new Date().toISOString(),
          report.totalFacts,
        );
        if (counts) {
          report.counts = counts;
          report.committed = true;
          lap("publish (first import)");
          return;
        }
        lap("first import, not clean");
      }
      await indexStage(trx, dialect);
      await markDuplicates(trx, dialect);
      if (stored) await markStored(trx, options.orgId);
      lap("index+dups");
      await markReferences(trx, options.orgId, allowPartial, stored);
      lap("references");
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
      report.errorLineCount = errors.lineCount;
      report.conflicts = listed.conflicts;
      report.conflictCount = problems.conflicts;
      report.counts = await stageCounts(trx);
      if (errors.count > 0 && !allowPartial) throw new Refused();
      lap("problems+counts");
      await publishStage(
        trx,
        dialect,
        options.orgId,
        importId,
        new Date().toISOString(),
        report.totalFacts,
      );
      report.committed = true;
      lap("publish");
    });
    lap("commit");
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    report.counts = {};
  } finally {
    await restore();
    lap("restore");
  }
  report.ok = report.errorCount === 0;
  report.errors = report.errors.map((e) => {
    // A French file names a missing column in French too (`date`, not `at`).
    const columns = renamed.get(e.file);
    const column = columns ? (columns[e.field] ?? frenchColumn(e.field)) : e.field;
    const text = importErrorReason(e, lang, column);
    return { ...e, column, text, message: importErrorMessage(e, lang, column) };
  });
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

/** The import's language and time zone: as asked, else the organization's. */
async function importLanguage(
  store: Store,
  options: ImportOptions,
): Promise<{ lang: "fr" | "en"; timeZone: string }> {
  if (options.lang && options.timeZone) return { lang: options.lang, timeZone: options.timeZone };
  const org = options.newOrganization
    ? undefined
    : await store.db
        .selectFrom("organizations")
        .select(["lang", "time_zone"])
        .where("id", "=", options.orgId)
        .executeTakeFirst();
  const lang = options.lang ?? (org?.lang === "fr" || org?.lang === "en" ? org.lang : "en");
  return { lang, timeZone: options.timeZone ?? org?.time_zone ?? "Europe/Paris" };
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

/**
 * `COMPTOIR_IMPORT_TRACE=1`: each phase's wall and CPU time (all threads) on standard error,
 * for imports of 1 MB or more (the bench's one-line imports would drown the big one).
 */
function phaseTimer(enabled: boolean): (phase: string) => void {
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return (phase) => {
    if (!enabled) return;
    const used = process.cpuUsage(cpu);
    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    console.error(
      `[import] ${phase}: ${seconds(performance.now() - wall)} s, cpu ${seconds((used.user + used.system) / 1000)} s`,
    );
    wall = performance.now();
    cpu = process.cpuUsage();
  };
}
