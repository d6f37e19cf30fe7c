/**
 * Large JSON-lines files are read by a worker thread: the import must be the same, errors,
 * counts and stored rows alike, whichever thread read the file.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store/database.ts";
import { ensureOrganization } from "../store/organization-repository.ts";
import { openTestStore, testDialects } from "../store/test-stores.ts";
import { sampleLedger, tempDir, writeJsonl } from "./fixtures/import-files.ts";
import { importLedger } from "./import-ledger.ts";

const lines = [
  ...sampleLedger(),
  "",
  "{not json",
  { type: "order", id: "bad-1", at: "2025-03-01", customer: "c1", price: "12,50" },
  { type: "payment", id: "pay-x", at: "2025-03-02", customer: "c1", invoice: "nope", amount: 5 },
  { type: "ordre", id: "x" },
];

for (const dialect of testDialects()) {
  describe(`import in a worker thread (${dialect})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openTestStore(dialect);
    });
    afterEach(async () => {
      await store.close();
    });

    it.each([false, true])("reports and stores the same with allowPartial %s", async (partial) => {
      const dir = tempDir();
      const file = writeJsonl(dir, "ledger.jsonl", lines);
      const results = [];
      for (const worker of [false, true]) {
        const org = await ensureOrganization(store, `shop-${worker}-${partial}`);
        const report = await importLedger(store, {
          orgId: org.id,
          files: [file],
          allowPartial: partial,
          worker,
        });
        const rows = await store.db
          .selectFrom("facts")
          .select(["type", "id", "at", "at_offset", "customer", "data", "hash"])
          .where("org_id", "=", org.id)
          .orderBy("seq")
          .execute();
        const { importId: _id, elapsedMs: _ms, ...rest } = report;
        results.push({ report: rest, rows });
      }
      expect(results[0].report.errorCount).toBeGreaterThan(0);
      expect(results[1]).toEqual(results[0]);
    });
  });
}
