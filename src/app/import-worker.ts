/**
 * Worker thread of import-parts.ts: reads one file and posts its parts, at most a few ahead
 * of the main thread (it posts a part only when the main thread has taken an earlier one).
 */
import { parentPort, workerData } from "node:worker_threads";
import { type FileJob, fileParts } from "./import-rows.ts";

const port = parentPort;
if (!port) throw new Error("import-worker.ts runs as a worker thread");
const { job, ahead } = workerData as { job: FileJob; ahead: number };

let credits = ahead;
let wake: (() => void) | undefined;
port.on("message", () => {
  credits++;
  wake?.();
});
for await (const part of fileParts(job)) {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  port.postMessage(part);
}
port.postMessage("done");
