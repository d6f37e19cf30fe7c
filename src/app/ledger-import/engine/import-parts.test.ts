/**
 * Large JSON-lines files are read by worker threads, two of them sharing a file in chunks on
 * a machine with several cores: the import must be the same, errors, line numbers, counts and
 * stored rows alike, whichever thread read which line.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../../store/database.ts";
import { orgKey } from "../../../store/org-key.ts";
import { ensureOrganization } from "../../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../../store/test-stores.ts";
import { sampleLedger, tempDir, writeJsonl } from "../fixtures/import-files.ts";
import { type ImportOptions, importLedger } from "../import-ledger.ts";

const lines = [
  ...sampleLedger(),
  "",
  "{not json",
  { type: "order", id: "bad-1", at: "2025-03-01", customer: "c1", price: "12,50" },
  { type: "payment", id: "pay-x", at: "2025-03-02", customer: "c1", invoice: "nope", amount: 5 },
  "   ",
  { type: "ordre", id: "x" },
];

type Mode = Pick<ImportOptions, "worker" | "workers" | "chunkBytes">;

/** This thread; one worker; two workers on chunks smaller than a line, of a few lines, odd. */
const MODES: Mode[] = [
  { worker: false },
  { worker: true, workers: 1 },
  { worker: true, workers: 2, chunkBytes: 7 },
  { worker: true, workers: 2, chunkBytes: 150 },
  { worker: true, workers: 2, chunkBytes: 1001 },
];

for (const dialect of testDialects()) {
  describe(`import in worker threads (${dialect})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openTestStore(dialect);
    });
    afterEach(async () => {
      await store.close();
    });

    async function importEachWay(file: string, partial: boolean) {
      const results = [];
      for (const [i, mode] of MODES.entries()) {
        const org = await ensureOrganization(store, `shop-${i}-${partial}`);
        const report = await importLedger(store, {
          orgId: org.id,
          files: [file],
          allowPartial: partial,
          ...mode,
        });
        const rows = await store.db
          .selectFrom("facts")
          .select(["type", "id", "at", "at_offset", "customer", "data", "hash"])
          .where("org", "=", orgKey(org.id))
          .orderBy("seq")
          .execute();
        const { importId: _id, elapsedMs: _ms, ...rest } = report;
        results.push({ report: rest, rows });
      }
      return results;
    }

    it.each([false, true])("reports and stores the same with allowPartial %s", async (partial) => {
      const file = writeJsonl(tempDir(), "ledger.jsonl", lines);
      const results = await importEachWay(file, partial);
      expect(results[0].report.errorCount).toBeGreaterThan(0);
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    });

    it("reads a line that runs through many chunks once, in the chunk where it starts", async () => {
      const [first, ...rest] = lines;
      const long = {
        type: "customer",
        id: "c-long",
        at: "2025-01-02",
        name: "Long",
        // 200 kB in one line, in texts under the limit of 10,000 characters each.
        ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`note${i}`, "é".repeat(5000)])),
      };
      const file = writeJsonl(tempDir(), "long.jsonl", [first, long, ...rest, long]);
      const results = await importEachWay(file, true);
      const stored = results[0].rows.filter((r) => r.id === "c-long");
      expect(stored).toHaveLength(1);
      expect(stored[0]?.data).toContain("é".repeat(5000));
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    });

    it("keeps line numbers across chunks: a BOM, CRLF, blank lines and no final newline", async () => {
      const dir = tempDir();
      const source = readFileSync(writeJsonl(dir, "base.jsonl", lines), "utf8");
      const text = `\ufeff${source.trimEnd().replaceAll("\n", "\r\n")}\r\n\r\n{"type":"chase"}`;
      const file = join(dir, "crlf.jsonl");
      writeFileSync(file, text);
      const results = await importEachWay(file, true);
      const last = results[0].report.errors.at(-1);
      // The last line, without a newline, is line (lines + 2): the blank line came before it.
      expect(last?.line).toBe(lines.length + 2);
      expect(results[0].rows.length).toBeGreaterThan(0);
      for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    });
  });
}
