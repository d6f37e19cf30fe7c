import SQLite from "better-sqlite3";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.ts";
import { ensureOrganization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
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

const AT = "2025-03-01";
const who = fc.constantFrom("c1", "c2", "c3");

/**
 * Ledgers with distinct ids (o0, o1, ...) whose references are mostly found: orders of a
 * customer that may be missing, lines naming an order or invoice that may not exist or may
 * be another customer's, an optional duplicate and conflict, in any order.
 */
const ledger = fc
  .record({
    customers: fc.oneof(
      { weight: 5, arbitrary: fc.constant(["c1", "c2", "c3"]) },
      { weight: 1, arbitrary: fc.constant(["c1", "c2"]) },
    ),
    orders: fc.array(
      fc.oneof({ weight: 9, arbitrary: who }, { weight: 1, arbitrary: fc.constant("c4") }),
      { minLength: 3, maxLength: 4 },
    ),
    times: fc.array(fc.record({ customer: who, order: fc.nat(3), own: fc.nat(4) }), {
      maxLength: 4,
    }),
    invoices: fc.array(fc.record({ customer: who, order: fc.nat(3), own: fc.nat(4) }), {
      minLength: 2,
      maxLength: 3,
    }),
    payments: fc.array(fc.record({ customer: who, invoice: fc.nat(2), own: fc.nat(4) }), {
      maxLength: 3,
    }),
    feedback: fc.array(fc.record({ customer: fc.option(who), order: fc.option(fc.nat(3)) }), {
      maxLength: 2,
    }),
    duplicate: fc.option(fc.nat(), { freq: 4 }),
    conflict: fc.option(fc.nat(), { freq: 4 }),
  })
  .chain((l) => {
    // Mostly (own > 0) a line belongs to the customer of the order or invoice it names.
    const orderOwner = (k: number, own: number, other: string) =>
      own > 0 ? (l.orders[k] ?? other) : other;
    const invoiceOwner = (k: number, own: number, other: string) => {
      const v = l.invoices[k];
      return own > 0 && v ? orderOwner(v.order, v.own, v.customer) : other;
    };
    const lines: Record<string, unknown>[] = [
      ...l.customers.map((id) => ({ type: "customer", id, at: AT, name: `N ${id}` })),
      ...l.orders.map((customer, i) => ({
        type: "order",
        id: `o${i}`,
        at: AT,
        customer,
        price: 100,
      })),
      ...l.times.map((t, i) => ({
        type: "time",
        id: `t${i}`,
        at: AT,
        customer: orderOwner(t.order, t.own, t.customer),
        order: `o${t.order}`,
        minutes: 30,
        activity: "work",
      })),
      ...l.invoices.map((v, i) => ({
        type: "invoice",
        id: `i${i}`,
        at: AT,
        customer: orderOwner(v.order, v.own, v.customer),
        order: `o${v.order}`,
        amount: 100,
        due: "2025-04-01",
      })),
      ...l.payments.map((p, i) => ({
        type: "payment",
        id: `p${i}`,
        at: AT,
        customer: invoiceOwner(p.invoice, p.own, p.customer),
        invoice: `i${p.invoice}`,
        amount: 100,
      })),
      ...l.feedback.map((f, i) => ({
        type: "feedback",
        id: `f${i}`,
        at: AT,
        source: "customer",
        score: 9,
        ...(f.customer === null
          ? {}
          : { customer: f.order === null ? f.customer : orderOwner(f.order, 1, f.customer) }),
        ...(f.order === null ? {} : { order: `o${f.order}` }),
      })),
    ];
    const pick = (k: number) => lines[k % lines.length] as Record<string, unknown>;
    if (l.duplicate !== null) lines.push({ ...pick(l.duplicate) });
    if (l.conflict !== null) lines.push({ ...pick(l.conflict), at: "2025-03-02" });
    return fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length });
  });

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
      { numRuns: 150 },
    );
    // 150 pairs of imports: some 20 s on an idle machine, several times that on a busy one.
  }, 300_000);

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

  it("commits when another connection writes while the lines are read, either way", async () => {
    const dir = tempDir();
    for (const straightFirstImport of [true, false]) {
      const store = await openTestStore("sqlite");
      stores.push(store);
      const orgId = (await ensureOrganization(store, "shop")).id;
      const other = new SQLite(store.location);
      let wrote = false;
      const report = await importLedger(store, {
        orgId,
        files: [writeJsonl(dir, "ledger.jsonl", sampleLedger())],
        straightFirstImport,
        onProgress: () => {
          if (wrote) return;
          wrote = true; // e.g. the server recording a fact for another organization
          other
            .prepare(`INSERT INTO organizations (id, slug, name, lang, time_zone, created_at)
              VALUES ('o2', 'other', 'Other', 'fr', 'Europe/Paris', '2026-01-01')`)
            .run();
        },
      });
      other.close();
      expect({ straightFirstImport, wrote, committed: report.committed }).toEqual({
        straightFirstImport,
        wrote: true,
        committed: true,
      });
    }
  });
});
