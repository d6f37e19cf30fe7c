import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { summarizeTransactions } from "../domain/clv/summarize-transactions.ts";
import { updateCharter } from "../store/charter-repository.ts";
import type { Store } from "../store/database.ts";
import { ensureOrganization, type Organization } from "../store/organization-repository.ts";
import { openTestStore, testDialects } from "../store/test-stores.ts";
import { computeClv, OBSERVED_MEAN_PRIOR_ORDERS, observedMeanSpend } from "./compute-clv.ts";
import { computeCustomerValues, netValuesMinor } from "./compute-customer-values.ts";
import { computeScorecards } from "./compute-scorecards.ts";
import { importLedger } from "./import-ledger.ts";
import { loadDemo } from "./load-demo.ts";
import { presentCustomerValue } from "./present-customer-value.ts";

const TODAY = "2026-03-02";
const AS_OF = Date.parse(`${TODAY}T23:59:59.999Z`);
const dir = mkdtempSync(join(tmpdir(), "comptoir-value-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importLines(store: Store, org: Organization, lines: object[]) {
  const file = join(dir, `l-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
  const report = await importLedger(store, { orgId: org.id, files: [file] });
  expect(report.ok, JSON.stringify(report.errors)).toBe(true);
}

describe("observedMeanSpend", () => {
  it("shrinks each customer's mean spend per purchase day toward the organization's", () => {
    const day = (d: number) => Date.UTC(2026, 0, d, 10);
    const tx = [
      { customer: "a", at: day(1), amount: 100 },
      { customer: "a", at: day(1), amount: 20 }, // same day: one purchase of 120
      { customer: "a", at: day(8), amount: 60 },
      { customer: "b", at: day(3), amount: 420 },
    ];
    const rows = summarizeTransactions(tx, day(20));
    const histories = new Map([
      ["a", { orders: tx.filter((t) => t.customer === "a") }],
      ["b", { orders: tx.filter((t) => t.customer === "b") }],
    ]);
    const spend = observedMeanSpend(rows, histories, 2);
    // Organization: 600 over 3 purchase days = 200 a day.
    expect(spend.get("a")).toBeCloseTo((180 + 2 * 200) / (2 + 2), 10);
    expect(spend.get("b")).toBeCloseTo((420 + 2 * 200) / (1 + 2), 10);
  });
});

for (const dialect of testDialects()) {
  describe(`customer value on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    beforeEach(async () => {
      store = await openTestStore(dialect);
    });
    afterEach(async () => {
      await store.close();
    });

    it("values the demo organization, falling back to observed mean spend", async () => {
      const { organization } = await loadDemo(store, { today: TODAY });
      const report = await computeClv(store, organization, {
        calibrationEnd: AS_OF,
        horizonWeeks: 52,
      });
      expect(report.spend).toBeNull();
      expect(report.spend_model).toBe("observed-mean");
      expect(report.spend_fallback?.reason).toMatch(
        /mean_spend_undefined|too_few_repeat_customers|no_spend_variation|no_convergence/,
      );
      expect(report.customers.length).toBeGreaterThan(30);
      for (const c of report.customers) {
        expect(Object.keys(c)).toEqual(
          expect.arrayContaining([
            "customer",
            "x",
            "t_x",
            "T",
            "p_alive",
            "expected_orders",
            "clv",
          ]),
        );
        expect(c.p_alive).toBeGreaterThanOrEqual(0);
        expect(c.p_alive).toBeLessThanOrEqual(1);
        expect(c.expected_orders).toBeGreaterThan(0);
        expect(c.spend_per_order).toBeGreaterThan(0);
        expect(Number.isFinite(c.net_value)).toBe(true);
        // CLV is the discounted expected orders times the spend per order: below the plain product.
        expect(c.clv).toBeLessThanOrEqual(c.expected_orders * c.spend_per_order + 0.01);
        expect(c.clv).toBeGreaterThan(0.9 * c.expected_orders * c.spend_per_order);
      }
      // A customer who spent more per order is expected to spend more per order.
      const bySpend = [...report.customers].sort((a, b) => a.spend_per_order - b.spend_per_order);
      expect(bySpend[0].spend_per_order).toBeLessThan(bySpend[bySpend.length - 1].spend_per_order);
      expect(OBSERVED_MEAN_PRIOR_ORDERS).toBe(2);

      const values = await computeCustomerValues(store, organization, { asOf: AS_OF });
      expect(values.status).toBe("fitted");
      const someone = report.customers[0].customer;
      const shown = presentCustomerValue(values, { id: someone, status: "active" }, "fr", "EUR");
      expect(shown.status).toBe("estimated");
      expect(shown.spendModel).toBe("observed-mean");
      expect(shown.sentence).toMatch(/^Probabilité d'être encore client : \d+ %\. Sur 12 mois/);
      expect(shown.sentence).toContain("moyenne de ce client");
    });

    it("ranks high_value by net value when the charter asks for it", async () => {
      const { organization } = await loadDemo(store, { today: TODAY });
      const byRevenue = await computeScorecards(store, organization, { asOf: AS_OF, lang: "en" });
      await updateCharter(store, organization.id, { high_value_basis: "net_value" });
      const byNet = await computeScorecards(store, organization, { asOf: AS_OF, lang: "en" });
      const values = await computeCustomerValues(store, organization, { asOf: AS_OF });
      const net = netValuesMinor(values, "EUR") as ReadonlyMap<string, number>;
      const high = (cards: typeof byNet.scorecards) =>
        cards
          .filter((c) => c.signals.some((s) => s.code === "high_value"))
          .map((c) => c.customer)
          .sort();
      const active = byNet.scorecards.filter((c) => c.status === "active").length;
      const top = Math.max(1, Math.floor(active / 10));
      const ranked = [...net].sort((a, b) => b[1] - a[1]);
      const threshold = ranked[top - 1][1];
      const expected = ranked
        .filter(([, v]) => v >= threshold && v > 0)
        .map(([id]) => id)
        .sort();
      expect(high(byNet.scorecards)).toEqual(expected);
      expect(high(byNet.scorecards)).not.toEqual(high(byRevenue.scorecards));
      const signal = byNet.scorecards
        .find((c) => c.customer === expected[0])
        ?.signals.find((s) => s.code === "high_value");
      expect(signal?.message).toMatch(/expected net value over a year/);
    });

    it("says why there is no value when nobody came back, and keeps ranking by revenue", async () => {
      const org = await ensureOrganization(store, "tiny", { name: "Tiny" });
      await importLines(store, org, [
        { type: "customer", id: "a", at: "2026-01-05", name: "A" },
        { type: "customer", id: "b", at: "2026-01-06", name: "B" },
        { type: "order", id: "o1", customer: "a", at: "2026-01-05", price: 10 },
        { type: "order", id: "o2", customer: "b", at: "2026-01-07", price: 90 },
      ]);
      await expect(
        computeClv(store, org, { calibrationEnd: AS_OF, horizonWeeks: 52 }),
      ).rejects.toMatchObject({ code: "CLV_INSUFFICIENT_DATA" });
      const values = await computeCustomerValues(store, org, { asOf: AS_OF });
      expect(values).toMatchObject({ status: "unavailable", reason: "no_repeat_customers" });
      const shown = presentCustomerValue(values, { id: "a", status: "active" }, "en", "EUR");
      expect(shown).toMatchObject({ status: "unavailable", pAlive: null, clv: null });
      expect(shown.sentence).toMatch(/^No value estimate: no customer has come back/);
      await updateCharter(store, org.id, { high_value_basis: "net_value" });
      const cards = await computeScorecards(store, org, { asOf: AS_OF, lang: "en" });
      const b = cards.scorecards.find((c) => c.customer === "b");
      expect(b?.signals.find((s) => s.code === "high_value")?.message).toMatch(/by revenue/);
    });
  });
}
