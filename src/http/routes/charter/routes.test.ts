import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { importTestLedger, TEST_AS_OF } from "../../test-ledger.ts";

for (const dialect of testDialects()) {
  describe(`charter (${dialect})`, () => {
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

    it("shows the charter and its defaults to managers, not to staff", async () => {
      const res = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/charter",
        headers: manager.read,
      });
      expect(res.status).toBe(200);
      expect(res.body.charter.max_revenue_share_pct).toBe(25);
      expect(res.body.can.editCharter).toBe(false);
      expect(
        (await call(t.app, { method: "GET", url: "/api/orgs/shop/charter", headers: staff.read }))
          .status,
      ).toBe(403);
    });

    it("lets the owner change it, names a bad key, and refuses managers", async () => {
      const ok = await call(t.app, {
        method: "PATCH",
        url: "/api/orgs/shop/charter",
        headers: owner.write,
        payload: { max_discount_pct: 12 },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.charter.max_discount_pct).toBe(12);
      expect(ok.body.updatedAt).not.toBeNull();
      const bad = await call(t.app, {
        method: "PATCH",
        url: "/api/orgs/shop/charter",
        headers: owner.write,
        payload: { min_margin_pct: "lots" },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: "BAD_INPUT", field: "min_margin_pct" });
      const refused = await call(t.app, {
        method: "PATCH",
        url: "/api/orgs/shop/charter",
        headers: manager.write,
        payload: { max_discount_pct: 50 },
      });
      expect(refused.status).toBe(403);
    });

    it("previews who would change segment, then the saved change moves them", async () => {
      // Ana's margin is 75 % of her revenue: a 90 % floor makes her unprofitable (partner -> renegotiate);
      // Bob stays part_ways (abusive comes first).
      const preview = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/charter/preview?asOf=${TEST_AS_OF}`,
        headers: manager.write,
        payload: { min_margin_pct: 90 },
      });
      expect(preview.status).toBe(200);
      expect(preview.body.total).toBe(2);
      expect(preview.body.items).toEqual([
        expect.objectContaining({ id: "ana", from: "partner", to: "renegotiate" }),
      ]);
      expect(preview.body.changed).toBe(1);
      const before = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/customers/ana?asOf=${TEST_AS_OF}`,
        headers: owner.read,
      });
      expect(before.body.scorecard.segment).toBe("partner");
      await call(t.app, {
        method: "PATCH",
        url: "/api/orgs/shop/charter",
        headers: owner.write,
        payload: { min_margin_pct: 90 },
      });
      const after = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/customers/ana?asOf=${TEST_AS_OF}`,
        headers: owner.read,
      });
      expect(after.body.scorecard.segment).toBe("renegotiate");
    });

    it("names the bad key of a preview and hides it from staff and strangers", async () => {
      const bad = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/charter/preview",
        headers: manager.write,
        payload: { nonsense: 1 },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("nonsense");
      const stranger = await signIn(t, "owner", t.other);
      const url = "/api/orgs/shop/charter/preview";
      expect(
        (await call(t.app, { method: "POST", url, headers: staff.write, payload: {} })).status,
      ).toBe(403);
      expect(
        (await call(t.app, { method: "POST", url, headers: stranger.write, payload: {} })).status,
      ).toBe(404);
      expect((await call(t.app, { method: "POST", url, payload: {} })).status).toBe(401);
    });

    it("answers 401 without a session and 404 to a non-member, for reading and changing", async () => {
      const rival = await signIn(t, "owner", t.other);
      const read = (headers: Record<string, string>) =>
        call(t.app, { method: "GET", url: "/api/orgs/shop/charter", headers });
      const change = (headers: Record<string, string>) =>
        call(t.app, {
          method: "PATCH",
          url: "/api/orgs/shop/charter",
          headers,
          payload: { max_discount_pct: 1 },
        });
      expect((await read({})).status).toBe(401);
      expect((await change({})).status).toBe(401);
      const foreignRead = await read(rival.read);
      expect(foreignRead.status).toBe(404);
      expect(foreignRead.body.error.code).toBe("ORGANIZATION_NOT_FOUND");
      expect((await change(rival.write)).status).toBe(404);
      const after = await read(owner.read);
      expect(after.body.charter.max_discount_pct).not.toBe(1);
    });
  });
}
