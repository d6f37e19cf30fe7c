/**
 * The first pass of ScorecardIndex.build on both CPU cores, for a large organization in a
 * SQLite file. The customers are cut into ranges by id; this thread and a worker thread take
 * the next range in turn (a shared counter), each reading through its own read-only
 * connection. Ranges rather than two halves: whichever thread runs slower (the worker starts
 * some 0.15 s late, this thread also answers requests and takes the worker's messages, the
 * machine may be busy) simply takes fewer. The assessments are then put together in range
 * order: the Map is the single-thread one, key for key and in the same order (customers by
 * id), so everything derived from it is unchanged.
 *
 * Each connection reads its own snapshots after the caller read lastFactSeq: a fact added
 * meanwhile is read or not, and refresh() re-reads it either way, as with one thread.
 */
import type { Worker } from "node:worker_threads";
import type { Charter } from "../../../domain/charter.ts";
import { correctedId } from "../../../domain/corrections.ts";
import {
  type Assessment,
  assessCustomer,
  type ScoringContext,
} from "../../../domain/scorecard/index.ts";
import type { Store } from "../../../store/database.ts";
import { hasFactsAtLeast } from "../../../store/fact-repository.ts";
import {
  type CustomerRange,
  customerRanges,
  openFactReader,
  sqliteCustomerChunks,
} from "../../../store/sqlite-fact-stream.ts";
import { moduleUrl } from "../../shared/module-url.ts";
import { typescriptWorker } from "../../shared/typescript-worker.ts";

/**
 * Organizations with fewer facts are assessed on one thread: a worker costs some 0.2 s of CPU
 * to start (tsx and the modules it reads load again), about what 4,000 customers take.
 */
export const PARALLEL_MIN_FACTS = 50_000;

/** Customers a range: small enough that the threads end close together, 50 ranges for 100,000. */
const RANGE_CUSTOMERS = 2000;

/**
 * Rows a query on both threads, a quarter of streamCustomerFacts' 4,000: every young-generation
 * collection copies the chunk in hand, its rows and facts. At 1,000 rows this thread's
 * collections take about half the time they take at 4,000 (some 10 % of its pass); the
 * worker's, in a larger young generation, gain less; the queries stay cheap.
 */
const CHUNK_ROWS = 1000;

/** What the worker (scorecard-worker.ts) is told. */
export interface WorkerJob {
  location: string;
  orgId: string;
  ranges: CustomerRange[];
  /** Rows a query. */
  chunkRows: number;
  /** Int32 counter: Atomics.add(next, 0, 1) claims the range at the value it returns. */
  next: SharedArrayBuffer;
  charter: Charter;
  asOf: number;
  lang: ScoringContext["lang"];
}

/** What the worker posts: assessments of one range (a chunk of it, in order), then "done". */
export type WorkerMessage =
  | { range: number; assessments: Assessment[]; corrections: string[] }
  | "done";

export interface ParallelOptions {
  /** Fewer facts than this: undefined, one thread is enough (default PARALLEL_MIN_FACTS). */
  minFacts?: number;
  signal?: AbortSignal;
  /** Customers a range (tests use a few). */
  rangeCustomers?: number;
  /**
   * Take ranges here only once the worker has posted (or failed): tests, whose organizations
   * are so small that this thread would otherwise assess them all before the worker starts.
   */
  waitForWorker?: boolean;
  /** Told why the worker failed, before this thread assesses the worker's ranges itself. */
  onWorkerError?: (error: Error) => void;
  /** The worker's module (tests point it at a missing or failing one). */
  workerEntry?: URL;
  /**
   * Filled with the id of every customer fact that carries `corrects` (a correction of a
   * customer record, read as a customer of its own), whatever its date: the caller then
   * looks up those alone (store/customer-corrections.ts).
   */
  corrections?: string[];
}

/**
 * Every customer's assessment (those created after the as-of instant left out), or undefined
 * when this store or organization is not one for two threads (PostgreSQL, `:memory:`, fewer
 * than `minFacts` facts, no customers): the caller then reads on one thread. A worker that
 * fails to start or stops early is not an error: this thread assesses its ranges too.
 * @example const assessments = await assessInParallel(store, org.id, ctx, { minFacts: 1 })
 */
export async function assessInParallel(
  store: Store,
  orgId: string,
  ctx: ScoringContext,
  options: ParallelOptions = {},
): Promise<Map<string, Assessment> | undefined> {
  if (store.dialect !== "sqlite" || store.location === ":memory:" || store.location === "") {
    return undefined;
  }
  if (!(await hasFactsAtLeast(store, orgId, options.minFacts ?? PARALLEL_MIN_FACTS))) {
    return undefined;
  }
  let reader: ReturnType<typeof openFactReader>;
  try {
    reader = openFactReader(store.location);
  } catch {
    return undefined;
  }
  try {
    const ranges = customerRanges(reader, orgId, options.rangeCustomers ?? RANGE_CUSTOMERS);
    if (ranges.length === 0) return undefined;
    const { signal } = options;
    signal?.throwIfAborted();
    const next = new Int32Array(new SharedArrayBuffer(4));
    const job: WorkerJob = {
      location: store.location,
      orgId,
      ranges,
      chunkRows: CHUNK_ROWS,
      next: next.buffer,
      ...ctx,
    };
    const worker = startWorker(job, options.workerEntry ?? WORKER_ENTRY, signal);
    try {
      const done: Assessment[][] = [];
      const assess = async (i: number) => {
        done[i] = await assessRange(
          reader,
          orgId,
          ctx,
          ranges[i] as CustomerRange,
          signal,
          corrections,
        );
      };
      // The worker's, by range, then this thread's: a range assessed twice (after a worker
      // failure) notes its corrections twice, which does not matter.
      const corrections = options.corrections ?? [];
      const mine = new Set<number>();
      if (options.waitForWorker) await worker.started;
      for (let i = Atomics.add(next, 0, 1); i < ranges.length; i = Atomics.add(next, 0, 1)) {
        mine.add(i);
        await assess(i);
      }
      const theirs = await worker.result;
      signal?.throwIfAborted();
      if (theirs instanceof Error) {
        // Its ranges may be partly posted: all of them again, here.
        options.onWorkerError?.(theirs);
        for (let i = 0; i < ranges.length; i++) if (!mine.has(i)) await assess(i);
      } else {
        for (const [i, assessments] of theirs.assessments) done[i] = assessments;
        for (const id of theirs.corrections) corrections.push(id);
      }
      const all = new Map<string, Assessment>();
      // A range without assessments may have no entry.
      for (const assessments of done) for (const a of assessments ?? []) all.set(a.customer, a);
      return all;
    } finally {
      await worker.stop();
    }
  } finally {
    reader.close();
  }
}

async function assessRange(
  reader: ReturnType<typeof openFactReader>,
  orgId: string,
  ctx: ScoringContext,
  range: CustomerRange,
  signal: AbortSignal | undefined,
  corrections: string[],
): Promise<Assessment[]> {
  const assessments: Assessment[] = [];
  const options = { ...range, until: ctx.asOf, chunkRows: CHUNK_ROWS };
  for (const chunk of sqliteCustomerChunks(reader, orgId, options)) {
    signal?.throwIfAborted();
    for (const { customer, facts } of chunk) {
      if (correctedId(customer) !== undefined) corrections.push(customer.id);
      if (customer.at <= ctx.asOf) assessments.push(assessCustomer(customer, facts, ctx));
    }
    // The reads are synchronous: between chunks, let the server answer other requests (and
    // the worker's messages come in).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return assessments;
}

const WORKER_ENTRY = moduleUrl("app/scorecards/engine/scorecard-worker.ts");

/**
 * Assessing allocates many short-lived objects: with a young generation larger than the
 * default (16 MB semi-spaces), the worker scavenges less often, some 10 % of its time.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

interface WorkerResult {
  assessments: Map<number, Assessment[]>;
  corrections: string[];
}

interface RunningWorker {
  /** The worker's assessments by range, or why there are none (a failure, an abort). */
  result: Promise<WorkerResult | Error>;
  /** Settles with the worker's first message, or with the result. */
  started: Promise<unknown>;
  stop(): Promise<void>;
}

function startWorker(job: WorkerJob, entry: URL, signal: AbortSignal | undefined): RunningWorker {
  let worker: Worker;
  try {
    worker = typescriptWorker(
      entry,
      { job },
      {
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      },
    );
  } catch (error) {
    const result = Promise.resolve(error as Error);
    return { result, started: result, stop: async () => {} };
  }
  const ranges = new Map<number, Assessment[]>();
  const corrections: string[] = [];
  let posted: () => void = () => {};
  const first = new Promise<void>((resolve) => (posted = resolve));
  // Never rejects, so that an early failure is not an unhandled rejection; the caller checks
  // the signal once it has the result.
  const result = new Promise<WorkerResult | Error>((resolve) => {
    const onAbort = () => resolve(new Error("aborted"));
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const settle = (value: WorkerResult | Error) => {
      signal?.removeEventListener("abort", onAbort);
      resolve(value);
    };
    worker.on("message", (m: WorkerMessage) => {
      posted();
      if (m === "done") return settle({ assessments: ranges, corrections });
      for (const id of m.corrections) corrections.push(id);
      const known = ranges.get(m.range);
      if (known) for (const a of m.assessments) known.push(a);
      else ranges.set(m.range, m.assessments);
    });
    worker.on("error", (error) => settle(error));
    worker.on("exit", (code) => settle(new Error(`scorecard worker exited with code ${code}`)));
  });
  return {
    result,
    started: Promise.race([first, result]),
    stop: () => worker.terminate().then(() => {}),
  };
}
