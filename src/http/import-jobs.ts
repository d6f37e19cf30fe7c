/**
 * Imports running in this server process: started from an upload, polled by id. Jobs live in
 * memory (an hour after they end); the facts themselves are in the store, all or nothing.
 */
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { basename } from "node:path";
import { importLedger } from "../app/ledger-import/import-ledger.ts";
import { AppError } from "../domain/errors.ts";
import type { Store } from "../store/database.ts";
import type { ImportJob } from "./routes/imports/contract.ts";

const KEEP_MS = 60 * 60 * 1000;

export class ImportJobs {
  private readonly jobs = new Map<string, { orgId: string; job: ImportJob; done: Promise<void> }>();

  /** Starts importing `files` (removing `dir` afterwards); resolves once started. */
  start(
    store: Store,
    orgId: string,
    files: string[],
    dir: string,
    allowPartial: boolean,
  ): ImportJob {
    this.prune();
    const job: ImportJob = {
      id: randomUUID(),
      status: "running",
      progress: { done: 0, total: 0 },
      counts: {},
      errors: [],
      errorCount: 0,
      converted: [],
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    const done = importLedger(store, {
      orgId,
      files,
      allowPartial,
      onProgress: (bytesRead, totalBytes) => {
        job.progress = { done: bytesRead, total: totalBytes };
      },
    })
      .then((report) => {
        job.counts = report.counts;
        job.errors = report.errors.map((e) => ({
          // The file as the user named it, not where the upload was kept.
          ...(e.file ? { file: basename(e.file) } : {}),
          line: e.line,
          field: e.field,
          reason: e.reason,
          ...(e.column !== undefined ? { column: e.column } : {}),
          ...(e.text !== undefined ? { text: e.text } : {}),
        }));
        job.errorCount = report.errorCount;
        job.errorLineCount = report.errorLineCount;
        job.converted = report.converted;
        job.status = report.ok ? "done" : "rejected";
      })
      .catch((error: unknown) => {
        job.status =
          error instanceof AppError && error.code !== "DATABASE_UNREACHABLE"
            ? "rejected"
            : "failed";
        job.errors = [
          {
            line: 0,
            field: "file",
            reason: error instanceof AppError ? error.message : "the import failed",
          },
        ];
        job.errorCount = 1;
      })
      .finally(async () => {
        job.finishedAt = new Date().toISOString();
        await rm(dir, { recursive: true, force: true });
      });
    this.jobs.set(job.id, { orgId, job, done });
    return job;
  }

  /** The job, if it belongs to this organization (another organization's job is not found). */
  get(orgId: string, id: string): ImportJob | undefined {
    const entry = this.jobs.get(id);
    return entry && entry.orgId === orgId ? entry.job : undefined;
  }

  /** Waits up to `ms` for the job to end (small files answer at once). */
  async settle(id: string, ms: number): Promise<void> {
    const entry = this.jobs.get(id);
    if (!entry) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      entry.done,
      new Promise((r) => {
        timer = setTimeout(r, ms);
      }),
    ]);
    clearTimeout(timer);
  }

  private prune(): void {
    const limit = Date.now() - KEEP_MS;
    for (const [id, { job }] of this.jobs) {
      if (job.finishedAt && Date.parse(job.finishedAt) < limit) this.jobs.delete(id);
    }
  }
}
