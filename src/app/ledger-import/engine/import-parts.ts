/**
 * A file's staged parts (import-rows.ts), from worker threads for large JSON-lines files so
 * that parsing, validation, encoding and hashing run while the main thread writes the
 * previous parts into the database; on this thread for small files (a worker costs about
 * 0.1 s to start) and CSV. On a machine with several cores, a large file is cut into chunks
 * (import-chunks.ts) shared by two workers: parsing is most of an import's work.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { moduleUrl } from "../../shared/module-url.ts";
import { typescriptWorker } from "../../shared/typescript-worker.ts";
import { type ChunkPart, chunkCount, shiftPart } from "./import-chunks.ts";
import type { CsvColumns } from "./import-readers.ts";
import { type FileJob, fileParts, type Part } from "./import-rows.ts";

/** Files from this size on are read by a worker. */
export const WORKER_MIN_BYTES = 4 << 20;

/** Chunk size when several workers share a file: about 7,000 lines, a part each. */
export const CHUNK_BYTES = 1 << 20;

/** Parts a worker may compute ahead of the main thread: bounds memory (a part is ≤ 1 MB read). */
const AHEAD = 3;

/**
 * A worker's young generation: a worker allocates some 10 MB per part, and with the default
 * 16 MB the scavenger ran every part or two, copying what the part held so far; 64 MB made
 * staging 1.3 million lines 0.3 to 0.5 s faster.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };

export interface PartsOptions {
  /** Read in worker threads (default: files of WORKER_MIN_BYTES or more). */
  worker?: boolean;
  /** How many workers share a large file (default: 2 when the machine has 2 cores or more). */
  workers?: number;
  /** Chunk size when they do (tests use small ones). */
  chunkBytes?: number;
}

export function fileStagedParts(
  job: FileJob,
  size: number,
  options: PartsOptions = {},
  onColumns?: (columns: CsvColumns) => void,
): AsyncGenerator<Part> {
  const useWorker = options.worker ?? size >= WORKER_MIN_BYTES;
  if (!useWorker || !job.path.toLowerCase().match(/\.(jsonl|ndjson|json)$/)) {
    return fileParts(job, onColumns);
  }
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const workers = Math.min(
    options.workers ?? Math.min(2, availableParallelism()),
    chunkCount(size, chunkBytes),
  );
  return workers > 1 ? chunkedParts(job, size, chunkBytes, workers) : wholeFileParts(job);
}

async function* wholeFileParts(job: FileJob): AsyncGenerator<Part> {
  const worker = new PartsWorker({ job, ahead: AHEAD });
  try {
    for (let part = await worker.next(); part; part = await worker.next()) yield part;
  } finally {
    await worker.stop();
  }
}

/** Chunk k is read by worker k mod `count`; the parts are taken back in file order. */
async function* chunkedParts(
  job: FileJob,
  size: number,
  chunkBytes: number,
  count: number,
): AsyncGenerator<Part> {
  const workers = Array.from(
    { length: count },
    (_, first) =>
      new PartsWorker({ job, ahead: AHEAD, chunks: { size, chunkBytes, first, stride: count } }),
  );
  let n = job.n0;
  let line = 0;
  try {
    for (let k = 0; k < chunkCount(size, chunkBytes); k++) {
      const part = (await workers[k % count].next()) as ChunkPart | undefined;
      if (!part) throw new Error(`import worker ${k % count} stopped before chunk ${k}`);
      const lines = part.lines;
      yield shiftPart(part, n, line);
      n = part.n;
      line += lines;
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

const WORKER_ENTRY = moduleUrl("app/ledger-import/engine/import-worker.ts");

/** One worker thread of import-worker.ts, read part by part. */
class PartsWorker {
  private readonly worker: Worker;
  private readonly queue: (Part | "done")[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(data: Record<string, unknown>) {
    this.worker = typescriptWorker(WORKER_ENTRY, data, { resourceLimits: WORKER_LIMITS });
    this.worker.on("message", (m: Part | "done") => {
      this.queue.push(m);
      this.wake?.();
    });
    this.worker.on("error", (error) => {
      this.failure = error;
      this.wake?.();
    });
    this.worker.on("exit", (code) => {
      this.failure ??= code === 0 ? undefined : new Error(`import worker exited with code ${code}`);
      if (!this.queue.includes("done")) this.failure ??= new Error("import worker stopped early");
      this.wake?.();
    });
  }

  /** The next part, or undefined once the worker has posted them all. */
  async next(): Promise<Part | undefined> {
    while (this.queue.length === 0 && !this.failure) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const next = this.queue.shift();
    if (next === undefined) throw this.failure;
    if (next === "done") return undefined;
    this.worker.postMessage(1);
    return next;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
