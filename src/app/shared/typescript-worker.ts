/**
 * A worker thread running a module of ours, named by its TypeScript source. From the compiled
 * code (dist/) it runs the compiled module. From the sources (tests, `bin/run-ts.js`), hooks
 * registered on the main thread do not reach worker threads, so the worker registers tsx
 * itself, then imports `entry`. Either way it finds its own data under `workerData`.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

const BOOT = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

/** @example typescriptWorker(moduleUrl("app/ledger-import/engine/import-worker.ts"), { job }) */
export function typescriptWorker(
  entry: URL,
  data: Record<string, unknown>,
  options: Omit<WorkerOptions, "eval" | "workerData"> = {},
): Worker {
  // Compiled (dist/, what `comptoir` runs; see module-url.ts): no TypeScript loader at all.
  if (entry.protocol === "file:" && entry.pathname.endsWith(".js")) {
    return new Worker(entry, { ...options, workerData: data });
  }
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(BOOT, {
    ...options,
    eval: true,
    workerData: { tsx, entry: entry.href, ...data },
  });
}
