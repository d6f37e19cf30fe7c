import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrderFact } from "../../../domain/facts.ts";
import { findFact } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

for (const dialect of testDialects()) {
  describe(`complaints (${dialect})`, () => {
    let t: TestApp;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
    });
    afterAll(() => t.close());

    const post = (user: TestUser, url: string, payload: object = {}) =>
      call(t.app, { method: "POST", url: `/api/orgs/shop${url}`, headers: user.write, payload });

    async function deliveredOrder(customer: object, price = 14) {
      const created = await post(staff, "/intake", {
        customer,
        item: "Trouser hem",
        service: "hem",
        quote: { price },
      });
      const id = created.body.order.id as string;
      await post(staff, `/intake/${id}/accept`);
      for (const to of ["in_progress", "ready", "delivered"])
        await post(staff, `/intake/${id}/advance`, { to });
      return { id, customer: created.body.order.customer as string };
    }

    async function complain(customer: string, fault: string) {
      const opened = await post(staff, "/complaints", { customer, text: "not happy" });
      const resolved = await post(staff, `/complaints/${opened.body.complaint.id}/resolve`, {
        fault,
        faultReason: "looked at it together",
        remedy: "none",
        explanation: "explained what happened",
      });
      expect(resolved.status).toBe(200);
    }

    const signals = async (customer: string) =>
      (
        await call(t.app, {
          method: "GET",
          url: `/api/orgs/shop/customers/${customer}`,
          headers: manager.read,
        })
      ).body.scorecard.signals.map((s: { code: string }) => s.code);

    it("never counts a complaint where the fault is ours against the customer, and counts the customer's", async () => {
      await post(staff, "/intake", {
        customer: { new: { id: "ours", name: "Olga Ours" } },
        item: "Hem",
      });
      await post(staff, "/intake", {
        customer: { new: { id: "theirs", name: "Theo Theirs" } },
        item: "Hem",
      });
      for (let i = 0; i < 3; i++) {
        await complain("ours", "ours");
        await complain("theirs", "customer");
      }
      expect(await signals("ours")).not.toContain("unfounded_complaints");
      expect(await signals("theirs")).toContain("unfounded_complaints");
    });

    it("owns the tailor's undone hem with a discount, and a redo is a zero-price order naming the original", async () => {
      const { id } = await deliveredOrder({ new: { name: "Hem Undone" } });
      const opened = await post(staff, "/complaints", { order: id, text: "the hem came undone" });
      expect(opened.body.disclosures).toEqual([]);
      const kid = opened.body.complaint.id;
      const noAmount = await post(staff, `/complaints/${kid}/resolve`, {
        fault: "ours",
        faultReason: "thread too thin",
        remedy: "discount",
      });
      expect(noAmount.status).toBe(400);
      expect(noAmount.body.error.field).toBe("remedyAmount");
      const redo = await post(staff, `/complaints/${kid}/resolve`, {
        fault: "ours",
        faultReason: "thread too thin",
        remedy: "redo",
      });
      expect(redo.status).toBe(200);
      const redoId = redo.body.complaint.redoOrderId;
      const redoOrder = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/intake/${redoId}`,
        headers: staff.read,
      });
      expect(redoOrder.body.order).toMatchObject({ redoOf: id, price: 0, status: "accepted" });
      const fact = (await findFact(t.store, t.org.id, "order", redoId)) as OrderFact;
      expect(fact).toMatchObject({ price: 0, list_price: 0, extra: { redo_of: id } });
      expect(
        (
          await post(staff, `/complaints/${kid}/resolve`, {
            fault: "ours",
            faultReason: "x",
            remedy: "redo",
          })
        ).body.error.code,
      ).toBe("COMPLAINT_CLOSED");

      const other = await deliveredOrder({ new: { name: "Discount Dan" } });
      const k2 = (await post(staff, "/complaints", { order: other.id, text: "hem undone" })).body
        .complaint.id;
      const discount = await post(manager, `/complaints/${k2}/resolve`, {
        fault: "ours",
        faultReason: "our seam",
        remedy: "discount",
        remedyAmount: 5,
      });
      expect(discount.body.complaint).toMatchObject({ remedy: "discount", remedyAmount: 5 });
      expect(await findFact(t.store, t.org.id, "complaint", `${k2}~resolved`)).toMatchObject({
        remedy_amount: 500,
        fault: "ours",
      });
    });

    it("keeps the customer's signals, segment and orders unchanged by a redo for our fault", async () => {
      const created = await post(manager, "/intake", {
        customer: { new: { id: "redo-ours", name: "Rita Redo" } },
        item: "Jacket taking in",
        service: "alteration",
        quote: { price: 40, cost: 10 },
      });
      const id = created.body.order.id as string;
      await post(staff, `/intake/${id}/accept`);
      for (const to of ["in_progress", "ready", "delivered"])
        await post(staff, `/intake/${id}/advance`, { to });
      await post(staff, `/intake/${id}/activities`, {
        kind: "time",
        minutes: 20,
        activity: "work",
      });
      const scorecard = async () => {
        const body = (
          await call(t.app, {
            method: "GET",
            url: "/api/orgs/shop/customers/redo-ours",
            headers: manager.read,
          })
        ).body;
        return {
          segment: body.scorecard.segment,
          signals: body.scorecard.signals.map((x: { code: string }) => x.code).sort(),
          orders: body.money.orders,
        };
      };
      const before = await scorecard();
      expect(before.orders).toBe(1);
      expect(before.signals).not.toContain("unprofitable");

      const kid = (await post(staff, "/complaints", { order: id, text: "seam opened" })).body
        .complaint.id;
      const redo = await post(staff, `/complaints/${kid}/resolve`, {
        fault: "ours",
        faultReason: "our seam gave way",
        remedy: "redo",
      });
      const redoId = redo.body.complaint.redoOrderId as string;
      const fact = (await findFact(t.store, t.org.id, "order", redoId)) as OrderFact;
      expect(fact).toMatchObject({ price: 0, cost: 0, extra: { redo_of: id } });
      // An hour on the redo would, charged to her, sink her margin below the charter's 15 %.
      const logged = await post(staff, `/intake/${redoId}/activities`, {
        kind: "time",
        minutes: 60,
        activity: "work",
      });
      expect(logged.status).toBe(201);
      expect(await scorecard()).toEqual(before);
    });

    it("answers 400, 401 and 404 (another organization's complaint)", async () => {
      expect((await post(staff, "/complaints", { text: "" })).body.error.field).toBe("text");
      expect((await post(staff, "/complaints", { text: "no target" })).status).toBe(400);
      expect((await post(staff, "/complaints", { order: "nope", text: "x" })).status).toBe(404);
      expect((await call(t.app, { method: "GET", url: "/api/orgs/shop/complaints" })).status).toBe(
        401,
      );
      const { id } = await deliveredOrder({ new: { name: "Cross Org" } });
      const kid = (await post(staff, "/complaints", { order: id, text: "x" })).body.complaint.id;
      const rival = await signIn(t, "owner", t.other);
      expect(
        (
          await call(t.app, {
            method: "GET",
            url: `/api/orgs/rival/complaints/${kid}`,
            headers: rival.read,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call(t.app, {
            method: "GET",
            url: `/api/orgs/shop/complaints/${kid}`,
            headers: rival.read,
          })
        ).status,
      ).toBe(404);
      const list = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/complaints?open=true",
        headers: staff.read,
      });
      expect(list.body.items.map((c: { id: string }) => c.id)).toContain(kid);
      expect(list.body.items[0].remedyAmount).toBeUndefined();
    });
  });
}
