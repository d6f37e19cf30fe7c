import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import type { Store } from "../store/database.ts";
import { ensureOrganization } from "../store/organization-repository.ts";
import { openTestStore, testDialects } from "../store/test-stores.ts";
import { sampleLedger, tempDir, writeJsonl } from "./fixtures/import-files.ts";
import { type ImportOptions, type ImportReport, importLedger } from "./import-ledger.ts";

// A first import on SQLite goes straight into `facts` (publishFirstImport) and falls back to
// the general way on any duplicate, conflict or missing reference. Both ways must give the
// same report and the same facts, whatever the file.

const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

async function freshOrg(): Promise<{ store: Store; orgId: string }> {
  const store = await openTestStore("sqlite");
  stores.push(store);
  return { store, orgId: (await ensureOrganization(store, "shop")).id };
}

/** The report without what differs by run (id, time), and every fact as stored. */
async function outcome(file: string, options: Partial<ImportOptions>) {
  const { store, orgId } = await freshOrg();
  const report = await importLedger(store, { orgId, files: [file], ...options });
  const { importId: _id, elapsedMs: _ms, ...rest } = report;
  const facts = await store.db
    .selectFrom("facts")
    .select(["seq", "type", "id", "at", "at_offset", "customer", "data", "hash"])
    .orderBy("seq")
    .execute();
  // On SQLite the stage of a committed import stays on the connection until the next import:
  // its index tells whether the general way ran (a refused import takes it back with the rest).
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM temp.sqlite_master WHERE type = 'index'`.execute(store.db);
  const generalWay = rows.some((r) => r.name === "import_stage_type_id");
  await store.close();
  stores.splice(stores.indexOf(store), 1);
  return { report: rest as Omit<ImportReport, "importId" | "elapsedMs">, facts, generalWay };
}

const line = fc.oneof(
  fc.record({ type: fc.constant("customer"), id: fc.constantFrom("c1", "c2", "c3") }),
  fc.record({
    type: fc.constant("order"),
    id: fc.constantFrom("o1", "o2", "o3"),
    customer: fc.constantFrom("c1", "c2", "c4"),
    price: fc.constantFrom(100, 120),
  }),
  fc.record({
    type: fc.constant("invoice"),
    id: fc.constantFrom("i1", "i2"),
    customer: fc.constantFrom("c1", "c2"),
    order: fc.constantFrom("o1", "o2", "o9"),
    amount: fc.constant(100),
    due: fc.constant("2025-04-01"),
  }),
  fc.record({
    type: fc.constant("payment"),
    id: fc.constantFrom("p1", "p2"),
    customer: fc.constantFrom("c1", "c2"),
    invoice: fc.constantFrom("i1", "i2", "i9"),
    amount: fc.constant(100),
  }),
  fc.record({
    type: fc.constant("feedback"),
    id: fc.constantFrom("f1", "f2"),
    score: fc.constantFrom(3, 9),
  }),
);

const ledger = fc.array(
  line.map((l) => ({ at: "2025-03-01", name: "N", ...l })),
  { minLength: 1, maxLength: 14 },
);

describe.runIf(testDialects().includes("sqlite"))("a first import straight into facts", () => {
  it("gives the general way's report and facts, for any file and mode", async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(ledger, fc.boolean(), async (lines, allowPartial) => {
        const file = writeJsonl(dir, "ledger.jsonl", lines);
        const straight = await outcome(file, { allowPartial, straightFirstImport: true });
        const general = await outcome(file, { allowPartial, straightFirstImport: false });
        expect(straight.report).toEqual(general.report);
        expect(straight.facts).toEqual(general.facts);
        if (general.report.committed) expect(general.generalWay).toBe(true);
        // A clean file never needs the general way.
        if (
          general.report.ok &&
          Object.values(general.report.counts).every((c) => c.unchanged === 0)
        ) {
          expect(straight.generalWay).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("goes straight for a clean ledger, and back for a duplicate, a conflict or a missing reference", async () => {
    const dir = tempDir();
    const clean = sampleLedger();
    // A refused import leaves no trace of its way: the conflict and the missing customer are
    // imported with allowPartial, which commits the valid lines.
    const cases: [string, object[], boolean][] = [
      ["clean", clean, false],
      ["duplicate", [...clean, clean[0]], true],
      ["conflict", [...clean, { ...clean[0], name: "Other" }], true],
      [
        "missing customer",
        [...clean, { type: "order", id: "o-x", at: "2025-03-01", customer: "nobody", price: 1 }],
        true,
      ],
    ];
    for (const [name, lines, generalWay] of cases) {
      const file = writeJsonl(dir, `${name}.jsonl`, lines);
      const straight = await outcome(file, { straightFirstImport: true, allowPartial: true });
      const general = await outcome(file, { straightFirstImport: false, allowPartial: true });
      expect({ name, generalWay: straight.generalWay }).toEqual({ name, generalWay });
      expect(straight.report).toEqual(general.report);
      expect(straight.facts).toEqual(general.facts);
    }
  });

  it("is not taken when the organization already has facts", async () => {
    const dir = tempDir();
    const { store, orgId } = await freshOrg();
    const first = writeJsonl(dir, "first.jsonl", sampleLedger().slice(0, 2));
    await importLedger(store, { orgId, files: [first], straightFirstImport: true });
    const more = writeJsonl(dir, "more.jsonl", sampleLedger());
    const report = await importLedger(store, { orgId, files: [more], straightFirstImport: true });
    expect(report.counts.customer).toEqual({ added: 0, unchanged: 2 });
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM temp.sqlite_master WHERE type = 'index'`.execute(store.db);
    expect(rows.map((r) => r.name)).toContain("import_stage_type_id");
  });
});
