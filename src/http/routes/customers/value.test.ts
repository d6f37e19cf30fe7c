import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { multipart } from "../../test-ledger.ts";

const AS_OF = "2026-06-30";

/** Eight customers over six months, most coming back, one a prospect. */
function valueLedger(): object[] {
  const lines: object[] = [];
  const visits: Record<string, [string, number][]> = {
    ana: [
      ["2026-01-05", 120],
      ["2026-02-10", 80],
      ["2026-04-02", 150],
      ["2026-06-01", 90],
    ],
    bob: [
      ["2026-01-12", 40],
      ["2026-01-30", 45],
    ],
    eve: [
      ["2026-02-01", 300],
      ["2026-05-15", 260],
      ["2026-06-20", 410],
    ],
    dan: [["2026-01-20", 25]],
    fay: [
      ["2026-03-03", 60],
      ["2026-03-24", 75],
      ["2026-04-20", 50],
    ],
    gus: [["2026-02-14", 500]],
    hal: [
      ["2026-01-08", 35],
      ["2026-02-08", 30],
      ["2026-03-08", 40],
      ["2026-04-08", 35],
    ],
  };
  for (const id of Object.keys(visits)) {
    lines.push({ type: "customer", id, at: "2026-01-01", name: id.toUpperCase() });
  }
  lines.push({ type: "customer", id: "pia", at: "2026-01-01", name: "PIA", status: "prospect" });
  for (const [id, orders] of Object.entries(visits)) {
    orders.forEach(([at, price], i) => {
      lines.push({ type: "order", id: `${id}-${i}`, customer: id, at, price, cost: price / 4 });
    });
  }
  lines.push({
    type: "time",
    id: "t1",
    customer: "bob",
    at: "2026-02-01",
    minutes: 240,
    activity: "admin",
  });
  return lines;
}

async function upload(t: TestApp, owner: TestUser, lines: object[]) {
  const body = multipart([
    { name: "ledger.jsonl", content: lines.map((l) => JSON.stringify(l)).join("\n") },
  ]);
  const res = await t.app.inject({
    method: "POST",
    url: "/api/orgs/shop/imports",
    headers: { ...owner.write, ...body.headers },
    payload: body.payload,
  });
  expect(res.json().status, res.body).toBe("done");
}

for (const dialect of testDialects()) {
  describe(`customer value (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
    });
    afterAll(() => t.close());
    const get = (user: TestUser | null, url: string) =>
      call(t.app, { method: "GET", url, headers: user ? user.read : {} });

    it("says why there is no value before anyone came back", async () => {
      await upload(
        t,
        owner,
        valueLedger().filter((l) => !("id" in l) || !/-[1-9]$/.test(String(l.id))),
      );
      const res = await get(manager, `/api/orgs/shop/customers/ana?asOf=${AS_OF}&lang=fr`);
      expect(res.status).toBe(200);
      expect(res.body.value).toMatchObject({
        status: "unavailable",
        reason: "no_repeat_customers",
        pAlive: null,
        netValue: null,
      });
      expect(res.body.value.sentence).toMatch(/^Pas d'estimation de valeur : aucun client/);
      const dash = await get(manager, `/api/orgs/shop/dashboard?asOf=${AS_OF}`);
      expect(dash.body.value).toMatchObject({ status: "unavailable", points: [] });
    });

    it("gives managers P(alive), expected orders, CLV, cost to serve and net value, explained", async () => {
      await upload(t, owner, valueLedger());
      const res = await get(manager, `/api/orgs/shop/customers/ana?asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      const v = res.body.value;
      expect(v.status).toBe("estimated");
      expect(v.horizonWeeks).toBe(52);
      expect(v.pAlive).toBeGreaterThan(0);
      expect(v.pAlive).toBeLessThanOrEqual(1);
      expect(v.expectedOrders).toBeGreaterThan(0);
      expect(v.expectedSpend).toBeCloseTo(v.expectedOrders * v.spendPerOrder, 1);
      expect(v.clv).toBeLessThanOrEqual(v.expectedSpend + 0.01);
      // ana logged no time and no remedy: nothing to serve but the materials (a quarter).
      expect(v.costToServe).toBe(0);
      expect(v.netValue).toBeCloseTo(v.clv * 0.75, 1);
      expect(["gamma-gamma", "observed-mean"]).toContain(v.spendModel);
      expect(v.sentence).toMatch(/^Probability of still being a customer: \d+%\. Over 12 months/);
      const fr = await get(manager, `/api/orgs/shop/customers/ana?asOf=${AS_OF}&lang=fr`);
      expect(fr.body.value.sentence).toMatch(/^Probabilité d'être encore client : \d+ %/);
      const bob = await get(owner, `/api/orgs/shop/customers/bob?asOf=${AS_OF}`);
      expect(bob.body.value.costToServe).toBeGreaterThan(0);
      expect(bob.body.value.netValue).toBeLessThan(bob.body.value.clv);
      const prospect = await get(owner, `/api/orgs/shop/customers/pia?asOf=${AS_OF}`);
      expect(prospect.body.value).toMatchObject({ status: "unavailable", reason: "prospect" });
    });

    it("plots every customer with a segment on the dashboard, and fits once until facts change", async () => {
      const first = await get(manager, `/api/orgs/shop/dashboard?asOf=${AS_OF}`);
      expect(first.status).toBe(200);
      const scatter = first.body.value;
      expect(scatter.status).toBe("estimated");
      expect(scatter.points.map((p: { id: string }) => p.id).sort()).toEqual([
        "ana",
        "bob",
        "dan",
        "eve",
        "fay",
        "gus",
        "hal",
      ]);
      // Below 1,000 customers, every one is a point.
      expect(scatter.total).toBe(7);
      const bob = scatter.points.find((p: { id: string }) => p.id === "bob");
      expect(bob.costToServe).toBeGreaterThan(0);
      expect(typeof bob.segment).toBe("string");
      expect(scatter.sentence).toMatch(/Each dot is a customer/);
      const detail = await get(manager, `/api/orgs/shop/customers/bob?asOf=${AS_OF}`);
      expect(detail.body.value.netValue).toBe(bob.netValue);
      // A new order changes the fit and every estimate that depends on it.
      await upload(t, owner, [
        { type: "order", id: "dan-9", customer: "dan", at: "2026-06-10", price: 30 },
      ]);
      const after = await get(manager, `/api/orgs/shop/customers/dan?asOf=${AS_OF}`);
      const before = scatter.points.find((p: { id: string }) => p.id === "dan");
      expect(after.body.value.clv).not.toBe(before.clv);
    });

    it("shows staff no value, and answers 401 and 404 as for any customer", async () => {
      const res = await get(staff, `/api/orgs/shop/customers/ana?asOf=${AS_OF}`);
      expect(res.status).toBe(200);
      expect(res.body.value).toBeNull();
      expect((await get(staff, `/api/orgs/shop/dashboard`)).status).toBe(403);
      // Months later nobody came back: the fit has a fixed dropout the series cannot handle.
      const later = await get(manager, `/api/orgs/shop/customers/ana?asOf=2026-11-22`);
      expect(later.status).toBe(200);
      expect(["estimated", "unavailable"]).toContain(later.body.value.status);
      expect((await get(null, `/api/orgs/shop/customers/ana`)).status).toBe(401);
      const stranger = await signIn(t, "owner", t.other);
      expect((await get(stranger, `/api/orgs/shop/customers/ana`)).status).toBe(404);
      const nobody = await get(manager, `/api/orgs/shop/customers/nobody?asOf=${AS_OF}`);
      expect(nobody.status, JSON.stringify(nobody.body)).toBe(404);
    });
  });
}
