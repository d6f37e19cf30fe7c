import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { writeLedger } from "../../../../bench/generate-ledger.ts";
import { openStore, type Store } from "../../../store/database.ts";
import { ensureOrganization, type Organization } from "../../../store/organization-repository.ts";
import { openTestStore, tempSqlitePath, testDialects } from "../../../store/test-stores.ts";
import { loadDemo } from "../../demo/load-demo.ts";
import { importLedger } from "../../ledger-import/import-ledger.ts";
import { computeScorecards } from "../compute-scorecards.ts";
import { ScorecardIndex } from "./scorecard-index.ts";
import type { ParallelOptions } from "./scorecard-parallel.ts";

// SQLite files only: the suite on PostgreSQL skips these.
const onSqlite = testDialects().includes("sqlite");

const dir = mkdtempSync(join(tmpdir(), "comptoir-index-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TODAY = "2026-11-20";
const asOf = Date.parse(`${TODAY}T23:59:59.999Z`);

function jsonl(name: string, lines: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  return file;
}

for (const dialect of testDialects()) {
  describe(`scorecard index on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    let org: Organization;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      org = (await loadDemo(store, { today: TODAY })).organization;
    });
    afterEach(async () => {
      await store.close();
    });

    it("gives the same scorecards as a full computation", async () => {
      const index = await ScorecardIndex.build(store, org, { asOf, lang: "fr" });
      const full = await computeScorecards(store, org, { asOf, lang: "fr" });
      expect(index.all()).toEqual(full.scorecards);
    });

    it("re-assesses only the customers touched by a new import, and stays equal to a full computation", async () => {
      const index = await ScorecardIndex.build(store, org, { asOf, lang: "en" });
      expect(await index.refresh()).toEqual([]);
      const before = index.scorecard("c-aubert");
      expect(before?.signals.map((s) => s.code)).not.toContain("missing_inputs");
      const file = jsonl("chases.jsonl", [
        { type: "chase", id: "idx-h1", customer: "c-aubert", at: "2026-11-01" },
        { type: "chase", id: "idx-h2", customer: "c-aubert", at: "2026-11-05" },
        { type: "chase", id: "idx-h3", customer: "c-aubert", at: "2026-11-10" },
        { type: "order", id: "idx-o1", customer: "c-mercier", at: "2026-11-10", price: 20000 },
      ]);
      expect((await importLedger(store, { orgId: org.id, files: [file] })).ok).toBe(true);
      expect((await index.refresh()).sort()).toEqual(["c-aubert", "c-mercier"]);
      expect(index.scorecard("c-aubert")?.segment).toBe("renegotiate");
      // A big new order moves the organization totals: concentration follows.
      expect(index.scorecard("c-mercier")?.signals.map((s) => s.code)).toContain("concentration");
      const full = await computeScorecards(store, org, { asOf, lang: "en" });
      expect(index.all()).toEqual(full.scorecards);
    });

    it("lists a customer that a refresh added in customer id order, with the others", async () => {
      const index = await ScorecardIndex.build(store, org, { asOf, lang: "fr" });
      const file = jsonl("newcomer.jsonl", [
        { type: "customer", id: "a-first", at: "2026-11-01", name: "Newcomer", status: "active" },
        { type: "order", id: "new-o1", customer: "a-first", at: "2026-11-02", price: 500 },
      ]);
      expect((await importLedger(store, { orgId: org.id, files: [file] })).ok).toBe(true);
      expect(await index.refresh()).toEqual(["a-first"]);
      const ids = index.all().map((c) => c.customer);
      expect(ids[0]).toBe("a-first");
      expect(ids).toEqual([...ids].sort());
      const full = await computeScorecards(store, org, { asOf, lang: "fr" });
      expect(index.all()).toEqual(full.scorecards);
    });
  });
}

describe.runIf(onSqlite)(
  "scorecard index of a larger SQLite organization, built on two threads",
  () => {
    let store: Store;
    let org: Organization;
    const ledgerAsOf = Date.parse("2025-11-20T23:59:59.999Z");
    beforeAll(async () => {
      const file = join(dir, "ledger.jsonl");
      // With corrections and redos: the two threads must read a customer's correction as
      // that customer, as the one-thread pass does.
      await writeLedger(file, { customers: 400, asOf: "2026-11-20", edits: true });
      store = await openStore(tempSqlitePath());
      org = await ensureOrganization(store, "shop");
      expect((await importLedger(store, { orgId: org.id, files: [file] })).ok).toBe(true);
    });
    afterAll(async () => {
      await store.close();
    });
    const build = (parallel: ParallelOptions, signal?: AbortSignal) =>
      ScorecardIndex.build(store, org, { asOf: ledgerAsOf, lang: "fr", parallel, signal });
    const oneThread = { minFacts: Number.POSITIVE_INFINITY };
    // Small ranges, and the worker takes the first: both threads assess some customers.
    const twoThreads = {
      minFacts: 1,
      rangeCustomers: 10,
      waitForWorker: true,
      onWorkerError: (error: Error) => {
        throw error;
      },
    };

    it("gives the scorecards of one thread", async () => {
      const single = (await build(oneThread)).all();
      expect(single.length).toBeGreaterThan(250);
      expect((await build(twoThreads)).all()).toEqual(single);
      const full = await computeScorecards(store, org, { asOf: ledgerAsOf, lang: "fr" });
      expect(single).toEqual(full.scorecards);
    });

    it("refreshes after a build on two threads", async () => {
      const index = await build(twoThreads);
      const file = jsonl("more.jsonl", [
        { type: "order", id: "par-o1", customer: "c17", at: "2025-11-01", price: 90000 },
        { type: "chase", id: "par-h1", customer: "c399", at: "2025-11-02" },
      ]);
      expect((await importLedger(store, { orgId: org.id, files: [file] })).ok).toBe(true);
      expect((await index.refresh()).sort()).toEqual(["c17", "c399"]);
      expect(index.all()).toEqual((await build(oneThread)).all());
    });

    it("reads a customer's correction as that customer after a refresh, not as a customer of its own", async () => {
      expect.assertions(7);
      const index = await build(twoThreads);
      expect(index.scorecard("c3")?.name).toBe("Client 3");
      const file = jsonl("fix.jsonl", [
        { type: "customer", id: "c3~fix", corrects: "c3", at: "2025-11-03", name: "C. Three" },
      ]);
      expect((await importLedger(store, { orgId: org.id, files: [file] })).ok).toBe(true);
      await index.refresh();
      expect(index.scorecard("c3")?.name).toBe("C. Three");
      expect(index.scorecard("c3~fix")).toBeUndefined();
      expect(index.all()).toEqual(
        (await computeScorecards(store, org, { asOf: ledgerAsOf, lang: "fr" })).scorecards,
      );
      // Built afresh, the two threads note the correction as they read it, and apply it.
      const rebuilt = await build(twoThreads);
      expect(rebuilt.scorecard("c3")?.name).toBe("C. Three");
      expect(rebuilt.all()).toEqual((await build(oneThread)).all());
    });

    it("rejects with the signal's reason when aborted", async () => {
      const reason = new Error("closing");
      await expect(build(twoThreads, AbortSignal.abort(reason))).rejects.toBe(reason);
    });
  },
);
