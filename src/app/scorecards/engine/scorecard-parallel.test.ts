import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { writeLedger } from "../../../../bench/generate-ledger.ts";
import { DEFAULT_CHARTER } from "../../../domain/charter.ts";
import type { Fact } from "../../../domain/facts.ts";
import {
  type Assessment,
  assessCustomer,
  type ScoringContext,
} from "../../../domain/scorecard/index.ts";
import { openStore, type Store } from "../../../store/database.ts";
import { insertFact, streamCustomerFacts } from "../../../store/fact-repository.ts";
import { ensureOrganization } from "../../../store/organization-repository.ts";
import { openTestStore, tempSqlitePath, testDialects } from "../../../store/test-stores.ts";
import { importLedger } from "../../ledger-import/import-ledger.ts";
import { assessInParallel, type ParallelOptions } from "./scorecard-parallel.ts";

// SQLite files only: the suite on PostgreSQL skips these.
const onSqlite = testDialects().includes("sqlite");

const dir = mkdtempSync(join(tmpdir(), "comptoir-parallel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A year before the ledger's end: some customers and facts come later and are left out.
const ctx: ScoringContext = {
  charter: { ...DEFAULT_CHARTER },
  asOf: Date.parse("2025-11-20T23:59:59.999Z"),
  lang: "en",
};

async function oneThread(store: Store, orgId: string): Promise<[string, Assessment][]> {
  const entries: [string, Assessment][] = [];
  for await (const { customer, facts } of streamCustomerFacts(store, orgId, { until: ctx.asOf })) {
    if (customer.at <= ctx.asOf) entries.push([customer.id, assessCustomer(customer, facts, ctx)]);
  }
  return entries;
}

/** Runs assessInParallel with a worker that takes part, and fails the test if it failed. */
async function twoThreads(store: Store, orgId: string, options: ParallelOptions = {}) {
  const errors: Error[] = [];
  const result = await assessInParallel(store, orgId, ctx, {
    minFacts: 1,
    waitForWorker: true,
    onWorkerError: (e) => errors.push(e),
    ...options,
  });
  expect(errors).toEqual([]);
  return result && [...result.entries()];
}

describe.runIf(onSqlite)("assessing on two threads, on a SQLite file", () => {
  let store: Store;
  let orgId: string;
  beforeAll(async () => {
    const file = join(dir, "ledger.jsonl");
    await writeLedger(file, { customers: 301, asOf: "2026-11-20", seed: 7 });
    store = await openStore(tempSqlitePath());
    orgId = (await ensureOrganization(store, "shop")).id;
    expect((await importLedger(store, { orgId, files: [file] })).ok).toBe(true);
  });
  afterAll(async () => {
    await store.close();
  });

  it("gives the single-thread assessments, key for key and in the same order", async () => {
    const single = await oneThread(store, orgId);
    expect(single.length).toBeGreaterThan(200);
    expect(single.length).toBeLessThan(301);
    for (const rangeCustomers of [1, 7, 2000]) {
      expect(await twoThreads(store, orgId, { rangeCustomers })).toEqual(single);
    }
    // Without waiting, as in production: this thread starts alone.
    expect([...((await assessInParallel(store, orgId, ctx, { minFacts: 1 })) ?? [])]).toEqual(
      single,
    );
  });

  it("leaves small organizations to one thread", async () => {
    expect(await assessInParallel(store, orgId, ctx, { minFacts: 1_000_000 })).toBeUndefined();
  });

  it("assesses the worker's range here when the worker cannot start or fails", async () => {
    const single = await oneThread(store, orgId);
    for (const entry of [
      new URL("./no-such-worker.ts", import.meta.url),
      new URL("data:text/javascript,throw new Error('boom')"),
      new URL("data:text/javascript,process.exit(3)"),
      // Takes the first range, posts part of it (wrong, too), and stops.
      new URL(
        `data:text/javascript,${encodeURIComponent(`
          import { parentPort, workerData } from "node:worker_threads";
          Atomics.add(new Int32Array(workerData.job.next), 0, 1);
          parentPort.postMessage({ range: 0, assessments: [{ customer: "bogus" }], corrections: [] });
          setTimeout(() => process.exit(3), 20);
        `)}`,
      ),
    ]) {
      const errors: Error[] = [];
      const result = await assessInParallel(store, orgId, ctx, {
        minFacts: 1,
        rangeCustomers: 10,
        waitForWorker: true,
        onWorkerError: (e) => errors.push(e),
        workerEntry: entry,
      });
      expect(errors).toHaveLength(1);
      expect([...(result ?? [])]).toEqual(single);
    }
  });

  it("stops when the signal aborts, worker included", async () => {
    const reason = new Error("closing");
    await expect(
      assessInParallel(store, orgId, ctx, { minFacts: 1, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    const controller = new AbortController();
    const pending = assessInParallel(store, orgId, ctx, {
      minFacts: 1,
      signal: controller.signal,
    });
    setImmediate(() => controller.abort(reason));
    await expect(pending).rejects.toBe(reason);
  });
});

describe.runIf(onSqlite)("splitting a small SQLite organization", () => {
  let store: Store;
  let orgId: string;
  beforeEach(async () => {
    store = await openStore(tempSqlitePath());
    orgId = (await ensureOrganization(store, "shop")).id;
  });
  afterEach(async () => {
    await store.close();
  });
  const order = (id: string, cust: string): Fact =>
    ({ type: "order", id, at: ctx.asOf - 500, customer: cust, price: 1000 }) as Fact;

  it("keeps the customer at the median id, once", async () => {
    // Four customers in two ranges: the second starts with "c".
    for (const id of ["a", "b", "c", "d"]) {
      await insertFact(store, orgId, customer(id));
      await insertFact(store, orgId, order(`${id}-o1`, id));
    }
    const result = await twoThreads(store, orgId, { rangeCustomers: 2 });
    expect(result?.map(([id]) => id)).toEqual(["a", "b", "c", "d"]);
    expect(result).toEqual(await oneThread(store, orgId));
  });

  it("works with one customer, the worker's alone", async () => {
    await insertFact(store, orgId, customer("a"));
    const result = await twoThreads(store, orgId);
    expect(result?.map(([id]) => id)).toEqual(["a"]);
    expect(result).toEqual(await oneThread(store, orgId));
  });

  it("stops waiting for the worker when the signal aborts", async () => {
    await insertFact(store, orgId, customer("a"));
    const controller = new AbortController();
    const reason = new Error("closing");
    // A worker that never answers: only the abort can end the wait.
    const pending = assessInParallel(store, orgId, ctx, {
      minFacts: 1,
      signal: controller.signal,
      waitForWorker: true,
      workerEntry: new URL("data:text/javascript,setInterval(() => {}, 1000)"),
    });
    setTimeout(() => controller.abort(reason), 100);
    await expect(pending).rejects.toBe(reason);
  });

  it("leaves an organization without customers to one thread", async () => {
    expect(await assessInParallel(store, orgId, ctx, { minFacts: 1 })).toBeUndefined();
    await insertFact(store, orgId, order("o1", "ghost"));
    expect(await assessInParallel(store, orgId, ctx, { minFacts: 1 })).toBeUndefined();
  });
});

for (const dialect of testDialects()) {
  it(`assesses on one thread in memory and on PostgreSQL (${dialect})`, async () => {
    const store = dialect === "sqlite" ? await openStore(":memory:") : await openTestStore(dialect);
    try {
      const orgId = (await ensureOrganization(store, "shop")).id;
      await insertFact(store, orgId, customer("a"));
      expect(await assessInParallel(store, orgId, ctx, { minFacts: 1 })).toBeUndefined();
    } finally {
      await store.close();
    }
  });
}

function customer(id: string): Fact {
  return { type: "customer", id, at: ctx.asOf - 1000, name: id, status: "active" };
}
