/**
 * Worker thread of import-parts.ts: reads one file, or every `stride`-th chunk of it from
 * chunk `first` (several workers share a file), and posts its parts, at most a few ahead of
 * the main thread (it posts a part only when the main thread has taken an earlier one).
 */
import { parentPort, workerData } from "node:worker_threads";
import { chunkCount, openChunks, stageChunk } from "./import-chunks.ts";
import { type FileJob, fileParts, type Part } from "./import-rows.ts";
import { stagedRowsTransfer } from "./staged-rows.ts";

const port = parentPort;
if (!port) throw new Error("import-worker.ts runs as a worker thread");
const { job, ahead, chunks } = workerData as {
  job: FileJob;
  ahead: number;
  chunks?: { size: number; chunkBytes: number; first: number; stride: number };
};

let credits = ahead;
let wake: (() => void) | undefined;
port.on("message", () => {
  credits++;
  wake?.();
});

async function post(part: Part): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  port?.postMessage(part, stagedRowsTransfer(part.values));
}

if (chunks) {
  const { size, chunkBytes, first, stride } = chunks;
  const file = openChunks(job.path);
  try {
    for (let k = first; k < chunkCount(size, chunkBytes); k += stride) {
      await post(stageChunk(file.fd, size, k, chunkBytes, job));
    }
  } finally {
    file.close();
  }
} else {
  for await (const part of fileParts(job)) await post(part);
}
port.postMessage("done");
