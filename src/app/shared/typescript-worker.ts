/**
 * A worker thread running a TypeScript module. Hooks registered on the main thread do not
 * reach worker threads, so the worker registers tsx itself, as bin/comptoir.js does, then
 * imports `entry`; it finds its own data under `workerData` as given here.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

const BOOT = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

/** @example typescriptWorker(new URL("../ledger-import/engine/import-worker.ts", import.meta.url), { job }) */
export function typescriptWorker(
  entry: URL,
  data: Record<string, unknown>,
  options: Omit<WorkerOptions, "eval" | "workerData"> = {},
): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(BOOT, {
    ...options,
    eval: true,
    workerData: { tsx, entry: entry.href, ...data },
  });
}
