import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { intakeDb } from "../../../store/intake-schema.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { importTestLedger } from "../../test-ledger.ts";

for (const dialect of testDialects()) {
  describe(`returns (${dialect})`, () => {
    let t: TestApp;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      const owner = await signIn(t, "owner");
      staff = await signIn(t, "staff");
      await importTestLedger(t.app, owner);
    });
    afterAll(() => t.close());

    const post = (payload: object, user = staff) =>
      call(t.app, { method: "POST", url: "/api/orgs/shop/returns", headers: user.write, payload });

    it("computes the warranty end from delivery and refuses a late return unless goodwill", async () => {
      const created = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/intake",
        headers: staff.write,
        payload: { customer: { id: "ana" }, item: "Boots", quote: { price: 75 }, warrantyDays: 10 },
      });
      const id = created.body.order.id;
      expect((await post({ order: id, kind: "repair" })).body.error.code).toBe(
        "ORDER_NOT_DELIVERED",
      );
      await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/intake/${id}/accept`,
        headers: staff.write,
      });
      for (const to of ["in_progress", "ready", "delivered"]) {
        await call(t.app, {
          method: "POST",
          url: `/api/orgs/shop/intake/${id}/advance`,
          headers: staff.write,
          payload: { to },
        });
      }
      const ok = await post({ order: id, kind: "repair" });
      expect(ok.status).toBe(201);
      const detail = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/intake/${id}`,
        headers: staff.read,
      });
      expect(ok.body.warrantyEnd).toBe(detail.body.order.warrantyEnd);
      expect(Date.parse(ok.body.warrantyEnd) - Date.parse(detail.body.order.deliveredAt)).toBe(
        10 * 86_400_000,
      );
      // Delivered 11 days ago: the warranty is over.
      await intakeDb(t.store.db)
        .updateTable("intake_orders")
        .set({ delivered_at: new Date(Date.now() - 11 * 86_400_000).toISOString() })
        .where("id", "=", id)
        .execute();
      const late = await post({ order: id, kind: "exchange" });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe("WARRANTY_EXPIRED");
      const goodwill = await post({ order: id, kind: "exchange", goodwill: true });
      expect(goodwill.status).toBe(201);
      expect(goodwill.body.withinWarranty).toBe(false);
      expect(goodwill.body.earlier).toHaveLength(1);
      const history = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/returns?customer=ana",
        headers: staff.read,
      });
      expect(history.body.items).toHaveLength(2);
    });

    it("uses an imported order's date when it was never marked delivered", async () => {
      // o1 is dated 2026-02-01 with the charter's 30 days: long over.
      expect((await post({ order: "o1", kind: "refund" })).body.error.code).toBe(
        "WARRANTY_EXPIRED",
      );
    });

    it("answers 400, 401 and 404", async () => {
      expect((await post({ order: "o1", kind: "swap" })).body.error.field).toBe("kind");
      expect(
        (
          await call(t.app, {
            method: "POST",
            url: "/api/orgs/shop/returns",
            payload: { order: "o1", kind: "refund" },
          })
        ).status,
      ).toBe(401);
      expect((await post({ order: "missing", kind: "refund" })).status).toBe(404);
      const rival = await signIn(t, "owner", t.other);
      expect(
        (
          await call(t.app, {
            method: "POST",
            url: "/api/orgs/rival/returns",
            headers: rival.write,
            payload: { order: "o1", kind: "refund" },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(t.app, {
            method: "GET",
            url: "/api/orgs/shop/returns?customer=ana",
            headers: rival.read,
          })
        ).status,
      ).toBe(404);
    });
  });
}
