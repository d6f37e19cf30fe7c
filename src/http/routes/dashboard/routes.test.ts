import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { importTestLedger, TEST_AS_OF } from "../../test-ledger.ts";

for (const dialect of testDialects()) {
  describe(`dashboard (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      await importTestLedger(t.app, owner);
    });
    afterAll(() => t.close());

    it("sums up segments, revenue, the whale curve and who needs attention", async () => {
      const manager = await signIn(t, "manager");
      const res = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/dashboard?asOf=${TEST_AS_OF}`,
        headers: manager.read,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        customers: 2,
        prospects: 1,
        revenue: 200,
        currency: "EUR",
        maxRevenueSharePct: 25,
      });
      expect(res.body.segments.part_ways).toBe(1);
      expect(res.body.topSharePct).toBe(60);
      expect(res.body.topCustomer).toEqual({ id: "ana", name: "Ana Martin" });
      expect(res.body.whaleCurve).toHaveLength(101);
      expect(res.body.needsAttention.map((c: { id: string }) => c.id)).toEqual(["bob"]);
      expect(res.body.can.seePortfolio).toBe(true);
    });

    it("tells who is new in part ways or renegotiate (not there 30 days earlier)", async () => {
      const at = async (asOf: string) =>
        (
          await call(t.app, {
            method: "GET",
            url: `/api/orgs/shop/dashboard?asOf=${asOf}`,
            headers: owner.read,
          })
        ).body.needsAttention[0];
      // The threat was on 10 February: on 1 March Bob is new there, on 15 April no longer.
      expect(await at(TEST_AS_OF)).toMatchObject({
        id: "bob",
        isNew: true,
        previousSegment: "steady",
      });
      expect(await at("2026-04-15")).toMatchObject({
        id: "bob",
        isNew: false,
        previousSegment: "part_ways",
      });
    });

    it("refuses staff (403), strangers (404), anonymous callers (401) and a bad asOf (400)", async () => {
      const staff = await signIn(t, "staff");
      const stranger = await signIn(t, "owner", t.other);
      const url = "/api/orgs/shop/dashboard";
      expect((await call(t.app, { method: "GET", url, headers: staff.read })).status).toBe(403);
      expect((await call(t.app, { method: "GET", url, headers: stranger.read })).status).toBe(404);
      expect((await call(t.app, { method: "GET", url })).status).toBe(401);
      const bad = await call(t.app, {
        method: "GET",
        url: `${url}?asOf=2026-13-45`,
        headers: owner.read,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("asOf");
    });
  });
}
