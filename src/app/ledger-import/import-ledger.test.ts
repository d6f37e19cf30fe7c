import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.ts";
import { findFact, listCustomerFacts } from "../../store/fact-repository.ts";
import { countFacts, ensureOrganization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { sampleLedger, tempDir, writeJsonl, writeText } from "./fixtures/import-files.ts";
import { type ImportReport, importLedger } from "./import-ledger.ts";

const messages = (r: ImportReport) =>
  r.errors.map((e) => `line ${e.line}: ${e.field}: ${e.reason}`);

const customer = (id: string, extra: object = {}) => ({
  type: "customer",
  id,
  at: "2025-01-10",
  name: `Client ${id}`,
  ...extra,
});
const order = (id: string, cust: string, extra: object = {}) => ({
  type: "order",
  id,
  at: "2025-03-01",
  customer: cust,
  price: 100,
  ...extra,
});

for (const dialect of testDialects()) {
  describe(`importLedger (${dialect})`, () => {
    let store: Store;
    let orgId: string;
    let dir: string;
    const run = (lines: (object | string)[], options: { allowPartial?: boolean } = {}) =>
      importLedger(store, { orgId, files: [writeJsonl(dir, "ledger.jsonl", lines)], ...options });

    beforeEach(async () => {
      store = await openTestStore(dialect);
      orgId = (await ensureOrganization(store, "shop")).id;
      dir = tempDir();
    });
    afterEach(async () => {
      await store.close();
    });

    it("imports every fact type and counts them per type", async () => {
      const report = await run(sampleLedger());
      expect(report).toMatchObject({ ok: true, committed: true, errorCount: 0, totalFacts: 14 });
      expect(report.counts.customer).toEqual({ added: 2, unchanged: 0 });
      expect(report.counts.feedback).toEqual({ added: 2, unchanged: 0 });
      expect(await countFacts(store, orgId)).toBe(14);
      const o1 = await findFact(store, orgId, "order", "o1");
      expect(o1).toMatchObject({ price: 12000, list_price: 15000, cost: 0, customer: "c1" });
      expect(o1?.type === "order" && o1.delivered).toBe(Date.UTC(2025, 2, 5, 15));
      expect((await listCustomerFacts(store, orgId, "c1")).map((f) => f.id)).toContain("p1");
    });

    it("keeps the original offset of at", async () => {
      await run(sampleLedger());
      const row = await store.db
        .selectFrom("facts")
        .select(["at", "at_offset"])
        .where("id", "=", "c2")
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ at: "2025-02-01T08:00:00.000Z", at_offset: "+01:00" });
    });

    it("is idempotent: the same file twice adds nothing the second time", async () => {
      await run(sampleLedger());
      const again = await run(sampleLedger());
      expect(again.ok).toBe(true);
      expect(again.counts.order).toEqual({ added: 0, unchanged: 1 });
      expect(Object.values(again.counts).every((c) => c.added === 0)).toBe(true);
      expect(await countFacts(store, orgId)).toBe(14);
    });

    it("treats the same content written differently as unchanged", async () => {
      await run([customer("c1"), order("o1", "c1", { price: 12.5 })]);
      const again = await run([
        customer("c1"),
        { price: "12.50", customer: "c1", at: "2025-03-01T00:00:00Z", id: "o1", type: "order" },
      ]);
      expect(again.counts.order).toEqual({ added: 0, unchanged: 1 });
    });

    it("reports a conflict with a stored fact and overwrites nothing", async () => {
      await run([customer("c1"), order("o1", "c1")]);
      const report = await run([customer("c1"), order("o1", "c1", { price: 90 })]);
      expect(report.ok).toBe(false);
      expect(messages(report)).toEqual([
        'line 2: id: order "o1" is already stored with different content',
      ]);
      expect(report.conflicts).toEqual([
        { file: expect.any(String), line: 2, type: "order", id: "o1", with: "stored" },
      ]);
      expect(await findFact(store, orgId, "order", "o1")).toMatchObject({ price: 10000 });
    });

    it("reports a conflict between two lines of the import, naming both", async () => {
      const report = await run([
        customer("c1"),
        order("o1", "c1"),
        order("o1", "c1", { price: 5 }),
      ]);
      expect(messages(report)).toEqual([
        "line 3: id: same type and id as line 2, with different content",
      ]);
      expect(report.conflicts[0]).toMatchObject({ line: 3, with: { line: 2 } });
      expect(await countFacts(store, orgId)).toBe(0);
    });

    it("counts a line repeated with the same content once", async () => {
      const report = await run([customer("c1"), customer("c1")]);
      expect(report.counts.customer).toEqual({ added: 1, unchanged: 1 });
      expect(await countFacts(store, orgId)).toBe(1);
    });

    it("imports nothing when one line is invalid, and lists it", async () => {
      const report = await run([customer("c1"), order("o1", "c1", { price: "cher" })]);
      expect(report).toMatchObject({ ok: false, committed: false, errorCount: 1 });
      expect(messages(report)).toEqual(["line 2: price: must be a number"]);
      expect(await countFacts(store, orgId)).toBe(0);
    });

    const rules: [string, (object | string)[], string][] = [
      ["an unknown customer", [order("o1", "c-9")], 'line 1: customer: unknown customer "c-9"'],
      [
        "an unknown order",
        [
          customer("c1"),
          { type: "revision", id: "v1", at: "2025-03-02", customer: "c1", order: "o9" },
        ],
        'line 2: order: unknown order "o9"',
      ],
      [
        "an unknown invoice",
        [
          customer("c1"),
          { type: "payment", id: "p1", at: "2025-03-02", customer: "c1", invoice: "i9", amount: 5 },
        ],
        'line 2: invoice: unknown invoice "i9"',
      ],
      [
        "an order of another customer",
        [
          customer("c1"),
          customer("c2"),
          order("o1", "c2"),
          {
            type: "return",
            id: "x1",
            at: "2025-03-09",
            customer: "c1",
            order: "o1",
            kind: "refund",
          },
        ],
        'line 4: order: order "o1" belongs to customer "c2", not "c1"',
      ],
      [
        "a line that is not JSON",
        ["{oops"],
        "line 1: json: not valid JSON (Expected property name or '}' in JSON at position 1)",
      ],
      ["a line that is not an object", ["[1,2]"], "line 1: json: must be one JSON object per line"],
      [
        "an unknown type",
        [{ type: "ordre", id: "o1", at: "2025-03-01" }],
        'line 1: type: unknown type "ordre"',
      ],
      ["a missing id", [{ type: "customer", at: "2025-03-01", name: "A" }], "line 1: id: required"],
      [
        "a date-time without offset",
        [customer("c1", { at: "2025-03-01T10:00:00" })],
        'line 1: at: date-time without an offset: add Z or an offset such as +02:00 ("2025-03-01T10:00:00")',
      ],
      [
        "an unknown activity",
        [
          customer("c1"),
          { type: "time", id: "t1", at: "2025-03-01", customer: "c1", minutes: 5, activity: "nap" },
        ],
        "line 2: activity: must be one of work, chasing, revision, complaint, negotiation, admin",
      ],
      [
        "a negative price",
        [customer("c1"), order("o1", "c1", { price: -1 })],
        "line 2: price: must not be negative",
      ],
    ];
    it.each(rules)("refuses %s with its exact message", async (_name, lines, message) => {
      const report = await run(lines);
      expect(messages(report)).toEqual([message]);
      expect(await countFacts(store, orgId)).toBe(0);
    });

    it("resolves a reference to a record defined later in the file", async () => {
      const report = await run([
        { type: "payment", id: "p1", at: "2025-04-01", customer: "c1", invoice: "i1", amount: 100 },
        {
          type: "invoice",
          id: "i1",
          at: "2025-03-05",
          customer: "c1",
          order: "o1",
          amount: 100,
          due: "2025-04-04",
        },
        order("o1", "c1"),
        customer("c1"),
      ]);
      expect(report.errors).toEqual([]);
      expect(await countFacts(store, orgId)).toBe(4);
    });

    it("resolves references across the files of one import and to stored records", async () => {
      await run([customer("c1")]);
      const orders = writeJsonl(dir, "orders.jsonl", [order("o1", "c1")]);
      const revisions = writeJsonl(dir, "revisions.jsonl", [
        { type: "revision", id: "v1", at: "2025-03-02", customer: "c1", order: "o1" },
      ]);
      const report = await importLedger(store, { orgId, files: [revisions, orders] });
      expect(report.errors).toEqual([]);
      expect(await countFacts(store, orgId)).toBe(3);
    });

    it("does not see another organization's customer", async () => {
      await run([customer("c1")]);
      const other = (await ensureOrganization(store, "other")).id;
      const report = await importLedger(store, {
        orgId: other,
        files: [writeJsonl(dir, "o.jsonl", [order("o1", "c1")])],
      });
      expect(messages(report)).toEqual(['line 1: customer: unknown customer "c1"']);
    });

    it("lists the first 100 errors and counts the rest", async () => {
      const lines = Array.from({ length: 150 }, (_, i) => order(`o${i}`, "nobody"));
      const report = await run(lines);
      expect(report.errors).toHaveLength(100);
      expect(report.errorCount).toBe(150);
      expect(report.errors[99].line).toBe(100);
    });

    it("with allowPartial, imports the valid lines and drops those that depend on refused ones", async () => {
      const report = await run(
        [
          customer("c1"),
          order("o1", "c1"),
          order("o2", "ghost"),
          {
            type: "invoice",
            id: "i2",
            at: "2025-03-05",
            customer: "ghost",
            order: "o2",
            amount: 1,
            due: "2025-04-04",
          },
          { type: "revision", id: "v2", at: "2025-03-05", customer: "c1", order: "o3" },
          order("o3", "c1", { price: "x" }),
        ],
        { allowPartial: true },
      );
      expect(report).toMatchObject({ ok: false, committed: true });
      expect(messages(report)).toEqual([
        'line 3: customer: unknown customer "ghost"',
        'line 4: customer: unknown customer "ghost"',
        'line 5: order: order "o3" is not imported (line 6 is refused)',
        "line 6: price: must be a number",
      ]);
      expect(report.counts).toEqual({
        customer: { added: 1, unchanged: 0 },
        order: { added: 1, unchanged: 0 },
      });
      expect(await countFacts(store, orgId)).toBe(2);
    });

    it("reports progress up to the total size", async () => {
      const seen: [number, number][] = [];
      const file = writeJsonl(dir, "p.jsonl", sampleLedger());
      await importLedger(store, { orgId, files: [file], onProgress: (a, b) => seen.push([a, b]) });
      const [done, total] = seen[seen.length - 1];
      expect(done).toBe(total);
      expect(total).toBeGreaterThan(0);
    });

    it("refuses a file of unknown format before reading anything", async () => {
      const file = writeText(dir, "ledger.txt", "{}");
      await expect(importLedger(store, { orgId, files: [file] })).rejects.toMatchObject({
        code: "BAD_INPUT",
        message: `${file}: unknown file format (use .jsonl, .ndjson, .json or .csv)`,
      });
    });

    it("checks the customer a merge names: in the file or stored, never the customer itself", async () => {
      const merged = (id: string, into: string) =>
        customer(`${id}-m`, { at: "2025-06-01", corrects: id, merged_into: into });
      const refused = await run([
        customer("a"),
        customer("b"),
        merged("a", "ghost"),
        merged("b", "b"),
      ]);
      expect(refused.committed).toBe(false);
      expect(messages(refused)).toEqual([
        'line 3: merged_into: unknown customer "ghost"',
        "line 4: merged_into: a customer cannot be merged into itself",
      ]);
      expect(await countFacts(store, orgId)).toBe(0);

      // Into a customer of the same file, and later into one already stored: both accepted.
      expect((await run([customer("a"), customer("b"), merged("a", "b")])).ok).toBe(true);
      const later = await run([customer("c"), merged("c", "b")]);
      expect(later).toMatchObject({ ok: true, committed: true });
      expect(await countFacts(store, orgId)).toBe(5);

      // A partial import leaves the bad merge out and keeps the rest.
      const partial = await run([customer("d"), merged("d", "nobody")], { allowPartial: true });
      expect(messages(partial)).toEqual(['line 2: merged_into: unknown customer "nobody"']);
      expect(await findFact(store, orgId, "customer", "d-m")).toBeUndefined();
      expect(await findFact(store, orgId, "customer", "d")).toBeDefined();
    });
  });
}
