/**
 * A file's staged parts (import-rows.ts), from a worker thread for large JSON-lines files so
 * that parsing, validation, encoding and hashing run while the main thread writes the
 * previous parts into the database; on this thread for small files (a worker costs about
 * 0.1 s to start) and CSV.
 */
import { Worker } from "node:worker_threads";
import { type FileJob, fileParts, type Part } from "./import-rows.ts";

/** Files from this size on are read by a worker. */
export const WORKER_MIN_BYTES = 4 << 20;

/** Parts a worker may compute ahead of the main thread: bounds memory (a part is ≤ 1 MB read). */
const AHEAD = 3;

export function fileStagedParts(
  job: FileJob,
  size: number,
  useWorker = size >= WORKER_MIN_BYTES,
): AsyncGenerator<Part> {
  return useWorker && job.path.toLowerCase().match(/\.(jsonl|ndjson|json)$/)
    ? workerParts(job)
    : fileParts(job);
}

// The worker runs TypeScript: it registers tsx itself, as bin/comptoir.js does, since hooks
// registered on the main thread do not reach worker threads.
const BOOT = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

async function* workerParts(job: FileJob): AsyncGenerator<Part> {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./import-worker.ts", import.meta.url).href;
  const worker = new Worker(BOOT, { eval: true, workerData: { tsx, entry, job, ahead: AHEAD } });
  const queue: (Part | "done")[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on("message", (m: Part | "done") => {
    queue.push(m);
    wake?.();
  });
  worker.on("error", (error) => {
    failure = error;
    wake?.();
  });
  worker.on("exit", (code) => {
    failure ??= code === 0 ? undefined : new Error(`import worker exited with code ${code}`);
    if (!queue.includes("done")) failure ??= new Error("import worker stopped early");
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const next = queue.shift();
      if (next === undefined) throw failure;
      if (next === "done") return;
      worker.postMessage(1);
      yield next;
    }
  } finally {
    await worker.terminate();
  }
}
