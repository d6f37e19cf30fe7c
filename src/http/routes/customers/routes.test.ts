import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { importTestLedger, TEST_AS_OF } from "../../test-ledger.ts";

for (const dialect of testDialects()) {
  describe(`customers (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      await importTestLedger(t.app, owner);
    });
    afterAll(() => t.close());

    const get = (user: TestUser | null, url: string) =>
      call(t.app, { method: "GET", url, headers: user ? user.read : {} });

    it("lists customers with segments and money for managers, filtered by segment", async () => {
      const all = await get(manager, `/api/orgs/shop/customers?asOf=${TEST_AS_OF}&sort=id`);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(3);
      expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(["ana", "bob", "cleo"]);
      const partWays = await get(
        manager,
        `/api/orgs/shop/customers?asOf=${TEST_AS_OF}&segment=part_ways`,
      );
      expect(partWays.body.items).toEqual([
        expect.objectContaining({ id: "bob", segment: "part_ways", revenue: 80 }),
      ]);
      const abusive = await get(
        manager,
        `/api/orgs/shop/customers?asOf=${TEST_AS_OF}&signal=abusive`,
      );
      expect(abusive.body.items.map((c: { id: string }) => c.id)).toEqual(["bob"]);
    });

    it("searches, sorts and pages", async () => {
      const page = await get(
        manager,
        `/api/orgs/shop/customers?asOf=${TEST_AS_OF}&sort=revenue&dir=desc&pageSize=1&page=1`,
      );
      expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 1 });
      expect(page.body.items[0].id).toBe("ana");
      const search = await get(manager, `/api/orgs/shop/customers?q=durand`);
      expect(search.body.items.map((c: { id: string }) => c.id)).toEqual(["bob"]);
    });

    it("gives staff names without segments, signals or money, and refuses them money filters", async () => {
      const list = await get(staff, `/api/orgs/shop/customers?asOf=${TEST_AS_OF}&sort=id`);
      expect(list.status).toBe(200);
      expect(list.body.items[1]).toMatchObject({
        id: "bob",
        segment: null,
        signals: [],
        revenue: null,
        margin: null,
      });
      expect(list.body.can.seeScorecards).toBe(false);
      const bySegment = await get(staff, `/api/orgs/shop/customers?segment=part_ways`);
      expect(bySegment.status).toBe(403);
      expect(bySegment.body.error.code).toBe("FORBIDDEN");
      expect((await get(staff, `/api/orgs/shop/customers?sort=margin`)).status).toBe(403);
    });

    it("names the field of a bad query", async () => {
      const bad = await get(manager, `/api/orgs/shop/customers?pageSize=5000`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("pageSize");
      const badDate = await get(manager, `/api/orgs/shop/customers?asOf=yesterday`);
      expect(badDate.body.error.field).toBe("asOf");
    });

    it("shows a customer's scorecard with evidence found on the timeline", async () => {
      const res = await get(manager, `/api/orgs/shop/customers/bob?asOf=${TEST_AS_OF}`);
      expect(res.status).toBe(200);
      expect(res.body.customer).toMatchObject({ id: "bob", name: "Bob Durand", status: "active" });
      expect(res.body.scorecard.segment).toBe("part_ways");
      const abusive = res.body.scorecard.signals.find(
        (s: { code: string }) => s.code === "abusive",
      );
      expect(abusive.evidence).toContain("i1");
      const ids = res.body.timeline.map((f: { id: string }) => f.id);
      for (const id of abusive.evidence) expect(ids).toContain(id);
      expect(res.body.money).toMatchObject({ revenue: 80, orders: 1 });
      const order = res.body.timeline.find((f: { id: string }) => f.id === "o2");
      expect(order.fields).toMatchObject({ price: 80, cost: 10 });
    });

    it("shows staff the timeline without scorecard, money or costs", async () => {
      const res = await get(staff, `/api/orgs/shop/customers/bob?asOf=${TEST_AS_OF}`);
      expect(res.status).toBe(200);
      expect(res.body.scorecard).toBeNull();
      expect(res.body.money).toBeNull();
      const order = res.body.timeline.find((f: { id: string }) => f.id === "o2");
      expect(order.fields.price).toBe(80);
      expect(order.fields).not.toHaveProperty("cost");
    });

    it("answers 404 for another organization's customer, and 401 without a session", async () => {
      const rival = await signIn(t, "owner", t.other);
      const foreign = await get(rival, `/api/orgs/rival/customers/bob`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe("CUSTOMER_NOT_FOUND");
      expect((await get(rival, `/api/orgs/shop/customers/bob`)).status).toBe(404);
      expect((await get(null, `/api/orgs/shop/customers`)).status).toBe(401);
    });

    it("answers 404 to a non-member listing the customers, saying nothing of them", async () => {
      const rival = await signIn(t, "owner", t.other);
      const res = await get(rival, "/api/orgs/shop/customers");
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("ORGANIZATION_NOT_FOUND");
      expect(JSON.stringify(res.body)).not.toMatch(/bob/i);
    });

    it("names the field of a bad customer request (400)", async () => {
      const longId = await get(manager, `/api/orgs/shop/customers/${"x".repeat(201)}`);
      expect(longId.status).toBe(400);
      expect(longId.body.error).toMatchObject({ code: "BAD_INPUT", field: "id" });
      const badDate = await get(manager, "/api/orgs/shop/customers/bob?asOf=yesterday");
      expect(badDate.status).toBe(400);
      expect(badDate.body.error).toMatchObject({ code: "BAD_INPUT", field: "asOf" });
    });
  });
}
