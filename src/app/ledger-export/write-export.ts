/**
 * `comptoir export --out`: the export written to files. `--out` names a folder (an existing
 * one, one ending with `/`, or a name without the format's extension: created if missing) or a
 * file (`ledger.jsonl`, or `orders.csv` for one type). Next to the ledger goes `charter.json`.
 * Each file is written under a temporary name and renamed when complete: an export that
 * fails half-way leaves no half file behind.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, extname, join, resolve, sep } from "node:path";
import { AppError } from "../../domain/errors.ts";
import { csvFileName } from "../../domain/fact-export.ts";
import { FACT_TYPES, type FactType } from "../../domain/facts.ts";
import { frenchFileName } from "../../domain/import-french.ts";
import {
  type CsvStyle,
  charterFileText,
  type ExportFormat,
  type ExportPlan,
  ledgerCsv,
  ledgerJsonl,
} from "./export-ledger.ts";

const JSONL_EXTENSIONS = new Set([".jsonl", ".ndjson", ".json"]);

/** Where an export goes: a folder, or one file (and charter.json beside it). */
export type ExportTarget = { folder: string } | { file: string };

/**
 * Reads `--out`. Several CSV files need a folder: a `.csv` file with several types is a
 * usage error naming `--out`.
 */
export async function exportTarget(
  out: string,
  format: ExportFormat,
  types: readonly string[],
): Promise<ExportTarget> {
  const path = resolve(out);
  const existing = await stat(path).catch(() => undefined);
  const ext = extname(path).toLowerCase();
  const fileLike = format === "csv" ? ext === ".csv" : JSONL_EXTENSIONS.has(ext);
  if (existing?.isDirectory() || out.endsWith("/") || out.endsWith(sep) || !fileLike) {
    return { folder: path };
  }
  if (format === "csv" && types.length !== 1) {
    throw new AppError(
      "USAGE",
      `--out: a CSV export of several types is one file per type: name a folder (not "${out}"), or one type with --type`,
    );
  }
  return { file: path };
}

export interface WrittenExport {
  /** Absolute paths of the files written, the ledger's first, charter.json last. */
  files: string[];
  /** Facts written per type. */
  counts: Record<string, number>;
  total: number;
}

/**
 * @example await writeExport(store, plan, { folder: "export" }, "csv", csvStyle("fr"))
 */
export async function writeExport(
  store: Parameters<typeof ledgerJsonl>[0],
  plan: ExportPlan,
  target: ExportTarget,
  format: ExportFormat,
  style: CsvStyle,
): Promise<WrittenExport> {
  const folder = "folder" in target ? target.folder : dirname(target.file);
  await mkdir(folder, { recursive: true }).catch((error: Error) => {
    throw cannotWrite(folder, error);
  });
  const files: string[] = [];
  if (format === "jsonl") {
    const file = "file" in target ? target.file : join(folder, "ledger.jsonl");
    await writeFileFrom(file, ledgerJsonl(store, plan));
    files.push(file);
  } else {
    for (const type of plan.types) {
      const name =
        style.frenchNames && (FACT_TYPES as readonly string[]).includes(type)
          ? frenchFileName(type as FactType)
          : csvFileName(type);
      const file = "file" in target ? target.file : join(folder, name);
      await writeFileFrom(file, ledgerCsv(store, plan, type, style));
      files.push(file);
    }
  }
  const charter = join(folder, "charter.json");
  await writeFileFrom(
    charter,
    (async function* () {
      yield charterFileText(plan.charter);
    })(),
  );
  files.push(charter);
  const counts = { ...plan.counts };
  return { files, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
}

const REASONS: Record<string, string> = {
  ENOENT: "no such folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  EEXIST: "a file stands where a folder is needed",
  ENOTDIR: "a file stands where a folder is needed",
  EISDIR: "a folder stands where the file would go",
  ENOSPC: "the disk is full",
};

function cannotWrite(path: string, error: Error): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && REASONS[code]) ?? error.message;
  return new AppError("BAD_INPUT", `--out: cannot write "${path}": ${reason}`);
}

/**
 * Writes the chunks to `path` through a temporary file, waiting when the disk is behind. A
 * failure of the disk is told as `--out: cannot write`; any other (the database) as it is.
 */
async function writeFileFrom(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temp = `${path}.${process.pid}.part`;
  const out = createWriteStream(temp);
  let diskError: Error | undefined;
  const failed = new Promise<never>((_, reject) =>
    out.once("error", (error) => {
      diskError = error;
      reject(error);
    }),
  );
  failed.catch(() => {});
  try {
    for await (const text of chunks) {
      if (diskError) throw diskError;
      if (!out.write(text)) {
        await Promise.race([new Promise<void>((r) => out.once("drain", () => r())), failed]);
      }
    }
    await Promise.race([new Promise<void>((r) => out.end(r)), failed]);
    await rename(temp, path).catch((error: Error) => {
      diskError = error;
      throw error;
    });
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    if (error === diskError) throw cannotWrite(path, error as Error);
    throw error;
  }
}
