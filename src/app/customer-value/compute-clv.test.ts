import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { summarizeTransactions } from "../../domain/clv/summarize-transactions.ts";
import { updateCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { ensureOrganization, type Organization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { loadDemo } from "../demo/load-demo.ts";
import { importLedger } from "../ledger-import/import-ledger.ts";
import { computeScorecards } from "../scorecards/compute-scorecards.ts";
import { computeClv, OBSERVED_MEAN_PRIOR_ORDERS, observedMeanSpend } from "./compute-clv.ts";
import { computeCustomerValues, netValuesMinor } from "./compute-customer-values.ts";
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

    it("costs the time and remedies per purchase day, the unit of the expected orders", async () => {
      const org = await ensureOrganization(store, "costed", { name: "Costed" });
      await updateCharter(store, org.id, { hour_cost: 45, discount_rate_pct: 0 });
      // A regular clientele so that BG/NBD fits; "c" is the customer whose cost is checked.
      const lines: object[] = [];
      const regulars: [string, string[]][] = [
        [
          "r1",
          [
            "2025-03-03",
            "2025-03-17",
            "2025-04-07",
            "2025-04-21",
            "2025-05-12",
            "2025-06-02",
            "2025-07-07",
            "2025-09-01",
            "2025-10-06",
            "2025-11-03",
            "2025-12-01",
            "2026-01-12",
            "2026-02-16",
          ],
        ],
        ["r2", ["2025-04-07", "2025-09-01"]],
        ["r3", ["2025-06-02"]],
        ["r4", ["2025-02-03", "2025-03-03", "2025-04-07"]],
        ["r5", ["2025-10-06", "2026-01-05", "2026-02-16"]],
        ["r6", ["2025-07-07"]],
        ["r7", ["2025-01-13", "2025-06-16", "2025-12-15"]],
        ["r8", ["2025-05-12", "2025-05-26"]],
        ["r9", ["2025-03-10"]],
        ["r10", ["2025-08-11"]],
        [
          "r11",
          [
            "2025-02-17",
            "2025-02-24",
            "2025-03-10",
            "2025-03-24",
            "2025-04-14",
            "2025-05-05",
            "2025-06-09",
            "2025-07-14",
          ],
        ],
        ["r12", ["2025-11-17"]],
      ];
      for (const [id, days] of regulars) {
        lines.push({ type: "customer", id, at: days[0], name: id });
        days.forEach((at, i) => {
          lines.push({ type: "order", id: `${id}-${i}`, customer: id, at, price: 80 + 10 * i });
        });
      }
      lines.push(
        { type: "customer", id: "c", at: "2025-09-01", name: "C" },
        // Four orders on three purchase days: two were brought on 2025-09-01.
        { type: "order", id: "c-1", customer: "c", at: "2025-09-01", price: 100, cost: 40 },
        { type: "order", id: "c-2", customer: "c", at: "2025-09-01", price: 50, cost: 10 },
        { type: "order", id: "c-3", customer: "c", at: "2025-12-01", price: 150, cost: 30 },
        { type: "order", id: "c-4", customer: "c", at: "2026-02-09", price: 60 },
        {
          type: "time",
          id: "ct-1",
          customer: "c",
          at: "2025-09-02",
          minutes: 90,
          activity: "work",
        },
        {
          type: "time",
          id: "ct-2",
          customer: "c",
          at: "2025-12-02",
          minutes: 30,
          activity: "admin",
        },
        {
          type: "complaint",
          id: "cc-1",
          customer: "c",
          order: "c-3",
          at: "2025-12-10",
          fault: "ours",
          remedy: "discount",
          remedy_amount: 30,
        },
      );
      await importLines(store, org, lines);
      const report = await computeClv(store, org, { calibrationEnd: AS_OF, horizonWeeks: 52 });
      expect(report.model.converged, JSON.stringify(report.model)).toBe(true);
      const c = report.customers.find((row) => row.customer === "c");
      if (!c) throw new Error("customer c missing from the report");
      expect(c.x).toBe(2);
      // By hand: 120 minutes at 45 an hour = 90, plus a 30 remedy: 120 over 3 purchase days =
      // 40 a purchase day (not 120 / 4 orders = 30). No discounting (rate 0), so the expected
      // purchase days are expected_orders.
      const perDay = (120 * 45) / 60 / 3 + 30 / 3;
      expect(perDay).toBe(40);
      expect(c.expected_orders).toBeGreaterThan(0.5);
      const cents = (n: number) => Math.round(n * 100) / 100;
      expect(Math.abs(c.expected_cost_to_serve - perDay * c.expected_orders)).toBeLessThan(0.006);
      expect(c.expected_cost_to_serve).toBe(cents(perDay * c.expected_orders));
      // Net value: CLV × margin rate (revenue 360, materials 80) − the cost to serve.
      const margin = (360 - 80) / 360;
      expect(Math.abs(c.net_value - (c.clv * margin - c.expected_cost_to_serve))).toBeLessThan(
        0.011,
      );
      expect(c.clv).toBeCloseTo(c.expected_orders * c.spend_per_order, 1);
    });

    it("gives an estimate when everyone stopped buying long ago (dropout the same for all)", async () => {
      const org = await ensureOrganization(store, "stopped", { name: "Stopped" });
      const histories: [string, string[]][] = [
        ["s1", ["2025-01-06", "2025-01-20", "2025-02-03"]],
        ["s2", ["2025-01-13", "2025-02-03", "2025-02-17", "2025-02-24"]],
        ["s3", ["2025-01-08", "2025-01-22"]],
        ["s4", ["2025-01-06", "2025-01-27", "2025-02-10"]],
        ["s5", ["2025-01-15", "2025-02-05", "2025-02-19", "2025-03-05", "2025-03-12"]],
        ["s6", ["2025-01-09", "2025-01-30"]],
        ["s7", ["2025-01-07", "2025-01-21", "2025-01-28"]],
      ];
      const lines: object[] = [];
      for (const [id, days] of histories) {
        lines.push({ type: "customer", id, at: days[0], name: id });
        days.forEach((at, i) => {
          lines.push({ type: "order", id: `${id}-${i}`, customer: id, at, price: 50 });
        });
      }
      await importLines(store, org, lines);
      const values = await computeCustomerValues(store, org, { asOf: AS_OF });
      if (values.status !== "fitted") throw new Error(`no estimate: ${JSON.stringify(values)}`);
      const { r, alpha, a, b } = values.report.model;
      // The fit sits in the limit of a fixed dropout probability: a and b both huge.
      expect(a + b).toBeGreaterThan(1e3);
      for (const c of values.report.customers) {
        // E[Y(52)] = P(alive) (1 − ((α+T)/(α+T+q·52))^(r+x)) / q, q = a / (a + b + x).
        const q = a / (a + b + c.x);
        const expected =
          (c.p_alive * -Math.expm1(-(r + c.x) * Math.log1p((q * 52) / (alpha + c.T)))) / q;
        expect(Number.isFinite(c.expected_orders)).toBe(true);
        expect(c.expected_orders).toBeCloseTo(expected, 5);
      }
      const shown = presentCustomerValue(values, { id: "s1", status: "active" }, "en", "EUR");
      expect(shown.status).toBe("estimated");
      expect(shown.expectedOrders).not.toBeNull();
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
