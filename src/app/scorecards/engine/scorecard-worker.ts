/**
 * Worker thread of scorecard-parallel.ts: claims ranges of customers in turn with the main
 * thread, assesses them from the SQLite file through its own read-only connection, and posts
 * the assessments a chunk at a time (with the ids of the customer corrections it read) (plain data: they survive the structured clone as they
 * are), then "done".
 */
import { parentPort, workerData } from "node:worker_threads";
import { correctedId } from "../../../domain/corrections.ts";
import { type Assessment, assessCustomer } from "../../../domain/scorecard/index.ts";
import { openFactReader, sqliteCustomerChunks } from "../../../store/sqlite-fact-stream.ts";
import type { WorkerJob, WorkerMessage } from "./scorecard-parallel.ts";

const port = parentPort;
if (!port) throw new Error("scorecard-worker.ts runs as a worker thread");
const job = workerData.job as WorkerJob;
const ctx = { charter: job.charter, asOf: job.asOf, lang: job.lang };
const next = new Int32Array(job.next);
const post = (message: WorkerMessage) => port.postMessage(message);

const reader = openFactReader(job.location);
try {
  for (let i = Atomics.add(next, 0, 1); i < job.ranges.length; i = Atomics.add(next, 0, 1)) {
    const range = { ...job.ranges[i], until: job.asOf, chunkRows: job.chunkRows };
    for (const chunk of sqliteCustomerChunks(reader, job.orgId, range)) {
      const assessments: Assessment[] = [];
      const corrections: string[] = [];
      for (const { customer, facts } of chunk) {
        if (correctedId(customer) !== undefined) corrections.push(customer.id);
        if (customer.at <= job.asOf) assessments.push(assessCustomer(customer, facts, ctx));
      }
      post({ range: i, assessments, corrections });
    }
  }
} finally {
  reader.close();
}
post("done");
