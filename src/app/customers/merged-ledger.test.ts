/**
 * A merge keeps both ledgers under one customer: the kept customer's scorecard is the one the
 * union of both ledgers gives, on every path that computes scorecards; and a merge and an
 * archive, being plain facts of the ledger, survive an export as JSONL lines and a re-import.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeFact } from "../../domain/fact-codec.ts";
import { FACT_FIELDS } from "../../domain/fact-validation.ts";
import type { Fact } from "../../domain/facts.ts";
import type { Store } from "../../store/database.ts";
import { orgKey } from "../../store/org-key.ts";
import { ensureOrganization, type Organization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { tempDir, writeJsonl } from "../ledger-import/fixtures/import-files.ts";
import { importLedger } from "../ledger-import/import-ledger.ts";
import { computePortfolio } from "../scorecards/compute-portfolio.ts";
import { computeScorecards } from "../scorecards/compute-scorecards.ts";
import { ScorecardIndex } from "../scorecards/engine/scorecard-index.ts";
import { setArchived } from "./archive-customer.ts";
import type { CustomerContext } from "./customer-support.ts";
import { listCustomers } from "./list-customers.ts";
import { mergeCustomer, unmergeCustomer } from "./merge-customers.ts";

const AS_OF = Date.parse("2025-12-31T23:59:59.999Z");
const MERGED_AT = Date.parse("2025-09-01T10:00:00Z");

const customers = [
  { type: "customer", id: "k", at: "2025-01-10", name: "Ana Martin", email: "ana@example.test" },
  { type: "customer", id: "m", at: "2024-01-10", name: "Anna Martin", phone: "06 12 34 56 78" },
  { type: "customer", id: "x", at: "2024-06-01", name: "Zoé Roux" },
];
/** Facts of k and m: each alone is steady; together, late payer, haggler and missing inputs. */
const ledgerOf = (k: string, m: string) => [
  { type: "order", id: "k-o1", at: "2025-03-01", customer: k, price: 85, list_price: 100 },
  { type: "invoice", id: "k-inv1", at: "2025-03-01", customer: k, amount: 85, due: "2025-04-01" },
  { type: "payment", id: "k-p1", at: "2025-04-20", customer: k, invoice: "k-inv1", amount: 85 },
  { type: "chase", id: "k-ch1", at: "2025-03-05", customer: k },
  { type: "order", id: "m-o1", at: "2024-02-01", customer: m, price: 80, list_price: 100 },
  { type: "order", id: "m-o2", at: "2025-05-01", customer: m, price: 50, list_price: 70 },
  { type: "invoice", id: "m-inv1", at: "2025-05-01", customer: m, amount: 50, due: "2025-06-01" },
  { type: "payment", id: "m-p1", at: "2025-06-15", customer: m, invoice: "m-inv1", amount: 50 },
  { type: "chase", id: "m-ch1", at: "2025-05-03", customer: m },
  { type: "chase", id: "m-ch2", at: "2025-05-04", customer: m },
  { type: "incident", id: "m-i1", at: "2025-06-10", customer: m, severity: 1, text: "rude" },
  { type: "order", id: "x-o1", at: "2025-02-01", customer: "x", price: 300 },
];

/** A stored fact as an export writes it (spec section 1): the import's own line. */
function asLine(fact: Fact): Record<string, unknown> {
  const { extra, ...fields } = fact as Fact & { extra?: Record<string, unknown> };
  const line: Record<string, unknown> = {
    ...fields,
    ...extra,
    at: new Date(fact.at).toISOString(),
  };
  for (const [key, spec] of Object.entries(FACT_FIELDS[fact.type])) {
    const value = line[key];
    if (typeof value !== "number") continue;
    if (spec.kind === "money") line[key] = value / 100;
    if (spec.kind === "instant") line[key] = new Date(value).toISOString();
  }
  if (fact.type === "order" && line.cost === 0) delete line.cost;
  return line;
}

for (const dialect of testDialects()) {
  describe(`merged customers (${dialect})`, () => {
    let store: Store;
    let dir: string;
    const org = (slug: string) => ensureOrganization(store, slug, { name: slug, lang: "fr" });
    const load = async (o: Organization, lines: object[]) => {
      const report = await importLedger(store, {
        orgId: o.id,
        files: [writeJsonl(dir, `${o.slug}-${Math.random()}.jsonl`, lines)],
      });
      expect(report.errors).toEqual([]);
    };
    const ctxOf = (o: Organization, now = MERGED_AT): CustomerContext => ({
      store,
      org: o,
      actor: { userId: "u-manager", role: "manager" },
      now,
    });
    const cards = async (o: Organization, asOf = AS_OF) =>
      (await computeScorecards(store, o, { asOf, lang: "fr" })).scorecards;
    const view = async (o: Organization) =>
      (await computePortfolio(store, o, { asOf: AS_OF, lang: "fr" })).view;

    beforeEach(async () => {
      store = await openTestStore(dialect);
      dir = tempDir();
    });
    afterEach(async () => {
      await store.close();
    });

    it("scores the kept customer on the union of both ledgers", async () => {
      const a = await org("a");
      await load(a, [...customers, ...ledgerOf("k", "m")]);
      const before = await cards(a);
      expect(before.map((c) => c.customer)).toEqual(["k", "m", "x"]);
      expect(before[0]?.signals.map((s) => s.code)).not.toContain("late_payer");
      const index = await ScorecardIndex.build(store, a, { asOf: AS_OF, lang: "fr" });
      await mergeCustomer(ctxOf(a), "m", "k");

      const union = await org("union");
      await load(union, [customers[0] as object, customers[2] as object, ...ledgerOf("k", "k")]);
      const expected = await cards(union);
      const kept = expected.find((c) => c.customer === "k");
      expect(kept?.signals.map((s) => s.code)).toEqual(
        expect.arrayContaining(["late_payer", "haggler", "missing_inputs"]),
      );
      // The batch pass, a fresh index, and the index built before the merge, refreshed.
      expect(await cards(a)).toEqual(expected);
      expect(await view(a)).toEqual(await view(union));
      const fresh = await ScorecardIndex.build(store, a, { asOf: AS_OF, lang: "fr" });
      expect(fresh.all()).toEqual(expected);
      await index.refresh();
      expect(index.all()).toEqual(expected);
      // As of a day before the merge, they were two.
      const earlier = await cards(a, MERGED_AT - 86_400_000);
      expect(earlier.map((c) => c.customer)).toEqual(["k", "m", "x"]);

      await unmergeCustomer(ctxOf(a, MERGED_AT + 3_600_000), "m");
      await index.refresh();
      expect(index.all()).toEqual(before);
      expect(await cards(a)).toEqual(before);
    });

    it("scores the union on two threads too (a large SQLite organization's path)", async () => {
      if (dialect !== "sqlite") return;
      const a = await org("a");
      await load(a, [...customers, ...ledgerOf("k", "m")]);
      await mergeCustomer(ctxOf(a), "m", "k");
      const union = await org("union");
      await load(union, [customers[0] as object, customers[2] as object, ...ledgerOf("k", "k")]);
      const parallel = { minFacts: 1, waitForWorker: true, rangeCustomers: 1 };
      const two = await ScorecardIndex.build(store, a, { asOf: AS_OF, lang: "fr", parallel });
      expect(two.all()).toEqual(await cards(union));
    });

    it("keeps a merge and an archive through export lines and a re-import", async () => {
      const a = await org("a");
      await load(a, [...customers, ...ledgerOf("k", "m")]);
      await mergeCustomer(ctxOf(a), "m", "k");
      await setArchived(ctxOf(a, MERGED_AT + 60_000), "x", true);
      const rows = await store.db
        .selectFrom("facts")
        .select(["type", "id", "at", "customer", "data"])
        .where("org", "=", orgKey(a.id))
        .orderBy("seq")
        .execute();
      const lines = rows.map((r) => asLine(decodeFact(r)));
      const merge = lines.find((l) => l.merged_into === "k");
      expect(merge).toMatchObject({ type: "customer", corrects: "m", name: "Anna Martin" });
      expect(lines.find((l) => l.archived === true)).toMatchObject({ corrects: "x" });

      const b = await org("b");
      await load(b, lines);
      expect(await cards(b)).toEqual(await cards(a));
      expect(await view(b)).toEqual(await view(a));
      const list = listCustomers(await cards(b), { currency: "EUR" } as never, "owner", {
        sort: "id",
        dir: "asc",
        page: 1,
        pageSize: 50,
      });
      expect(list.items.map((r) => r.id)).toEqual(["k"]);
      const archived = listCustomers(await cards(b), { currency: "EUR" } as never, "owner", {
        sort: "id",
        dir: "asc",
        page: 1,
        pageSize: 50,
        archived: "only",
      });
      expect(archived.items.map((r) => r.id)).toEqual(["x"]);
      // Importing the same lines again changes nothing; undoing the merge in b works there too.
      const again = await importLedger(store, {
        orgId: b.id,
        files: [writeJsonl(dir, "again.jsonl", lines)],
      });
      expect(again.counts.customer).toEqual({ added: 0, unchanged: 5 });
      await unmergeCustomer(ctxOf(b, MERGED_AT + 3_600_000), "m");
      expect((await cards(b)).map((c) => c.customer)).toEqual(["k", "m", "x"]);
    });
  });
}
