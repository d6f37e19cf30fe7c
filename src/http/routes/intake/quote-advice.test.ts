import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fact } from "../../../domain/facts.ts";
import { findFact, insertFact } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { seedCatalogueService } from "../../test-catalogue.ts";

for (const dialect of testDialects()) {
  describe(`intake quotes, advice, decline and warnings (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    let hem: { id: string; price: number };
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      hem = await seedCatalogueService(t, staff, "hem");
    });
    afterAll(() => t.close());

    const post = (user: TestUser, url: string, payload: object = {}) =>
      call(t.app, { method: "POST", url: `/api/orgs/shop${url}`, headers: user.write, payload });
    const patch = (user: TestUser, url: string, payload: object) =>
      call(t.app, { method: "PATCH", url: `/api/orgs/shop${url}`, headers: user.write, payload });
    const get = (user: TestUser, url: string) =>
      call(t.app, { method: "GET", url: `/api/orgs/shop${url}`, headers: user.read });
    const newOrder = (user: TestUser, body: object = {}) =>
      post(user, "/intake", {
        customer: { new: { name: "Quote Customer" } },
        item: "Hem",
        ...body,
      });

    it("measures a staff quote from the catalogue price: a hem at 12 against 14 needs a manager", async () => {
      expect(hem.price).toBe(14);
      const atCreation = await newOrder(staff, { serviceId: hem.id, quote: { price: 12 } });
      expect(atCreation.status).toBe(403);
      expect(atCreation.body.error).toMatchObject({ code: "QUOTE_NEEDS_MANAGER", field: "price" });
      expect(atCreation.body.error.message).toContain(
        "discount 14.3 % is above the charter's 10 %",
      );

      const created = await newOrder(staff, { serviceId: hem.id });
      const id = created.body.order.id;
      const later = await patch(staff, `/intake/${id}`, { quote: { price: 12 } });
      expect(later.body.error.code).toBe("QUOTE_NEEDS_MANAGER");
      const lowered = await patch(staff, `/intake/${id}`, { quote: { listPrice: 12, price: 12 } });
      expect(lowered.status).toBe(403);
      expect(lowered.body.error).toMatchObject({ code: "FORBIDDEN", field: "listPrice" });
      expect(lowered.body.error.message).toContain("below the catalogue price (14 EUR)");
      expect((await get(staff, `/intake/${id}`)).body.order.price).toBeNull();

      const raised = await patch(staff, `/intake/${id}`, { quote: { listPrice: 16, price: 15 } });
      expect(raised.body.order).toMatchObject({ listPrice: 16, price: 15 });
      const atCatalogue = await patch(staff, `/intake/${id}`, { quote: { price: 13 } });
      expect(atCatalogue.body.order).toMatchObject({ listPrice: 14, price: 13 });

      const confirmed = await patch(manager, `/intake/${id}`, {
        quote: { price: 12, managerConfirmed: true },
      });
      expect(confirmed.body.order).toMatchObject({ listPrice: 14, quoteConfirmed: true });
      const special = await patch(manager, `/intake/${id}`, {
        quote: { listPrice: 12, price: 12 },
      });
      expect(special.status).toBe(200);
    });

    it("asks a manager to confirm a margin below the charter's minimum", async () => {
      // 10.00 for 9.00 of materials: 10 % expected margin, below the 15 % minimum.
      const quote = { price: 10, cost: 9 };
      const created = await newOrder(owner, { service: "hem" });
      const id = created.body.order.id;
      const unconfirmed = await patch(owner, `/intake/${id}`, { quote });
      expect(unconfirmed.status).toBe(409);
      expect(unconfirmed.body.error.code).toBe("QUOTE_NEEDS_CONFIRMATION");
      expect(unconfirmed.body.error.message).toContain(
        "expected margin 10 % is below the charter's 15 %",
      );
      const confirmed = await patch(owner, `/intake/${id}`, {
        quote: { ...quote, managerConfirmed: true },
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.quoteCheck).toMatchObject({ marginPct: 10, belowMargin: true });
      expect(confirmed.body.blockers).toEqual([]);
      expect((await post(staff, `/intake/${id}/accept`)).status).toBe(200);
      expect(await findFact(t.store, t.org.id, "order", id)).toMatchObject({
        price: 1000,
        cost: 900,
      });

      // Staff cannot confirm: re-quoting a thin-margin order is a manager's call.
      const thin = await newOrder(manager, {
        service: "hem",
        quote: { price: 10, cost: 9, managerConfirmed: true },
      });
      const staffRequote = await patch(staff, `/intake/${thin.body.order.id}`, {
        quote: { price: 10 },
      });
      expect(staffRequote.status).toBe(403);
      expect(staffRequote.body.error.code).toBe("QUOTE_NEEDS_MANAGER");
      expect(staffRequote.body.error.message).toContain("expected margin");
    });

    it("declines an order before acceptance, with its reason, and writes no order fact", async () => {
      const created = await newOrder(staff, {
        advice: { kind: "not_worth_it", text: "a new pair costs less" },
      });
      const id = created.body.order.id;
      expect(created.body.order.advice).toEqual({
        kind: "not_worth_it",
        text: "a new pair costs less",
      });
      const noReason = await post(staff, `/intake/${id}/decline`, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.field).toBe("reason");
      const declined = await post(staff, `/intake/${id}/decline`, {
        reason: "the customer will buy new",
      });
      expect(declined.status).toBe(200);
      expect(declined.body.order).toMatchObject({
        status: "declined",
        declineReason: "the customer will buy new",
      });
      expect(declined.body.order.declinedAt).toEqual(expect.any(String));
      expect(declined.body.can).toMatchObject({ accept: false, decline: false });
      expect(
        (await post(staff, `/intake/${id}/decline`, { reason: "again" })).body.error.code,
      ).toBe("ORDER_TRANSITION_INVALID");
      const accept = await post(staff, `/intake/${id}/accept`);
      expect(accept.status).toBe(409);
      expect(accept.body.error.code).toBe("ACCEPTANCE_BLOCKED");
      expect(await findFact(t.store, t.org.id, "order", id)).toBeUndefined();
      const list = await get(staff, "/intake?status=declined");
      expect(list.body.items.map((o: { id: string }) => o.id)).toContain(id);
      const rival = await signIn(t, "owner", t.other);
      const foreign = await call(t.app, {
        method: "POST",
        url: `/api/orgs/rival/intake/${id}/decline`,
        headers: rival.write,
        payload: { reason: "x" },
      });
      expect(foreign.status).toBe(404);
    });

    it("accepts an order advised 'not worth it' once quoted, but not one advised 'decline' until the advice changes", async () => {
      const notWorthIt = await newOrder(staff, {
        advice: { kind: "not_worth_it" },
        quote: { price: 20 },
      });
      expect(notWorthIt.body.blockers).toEqual([]);
      expect((await post(staff, `/intake/${notWorthIt.body.order.id}/accept`)).status).toBe(200);

      const advisedDecline = await newOrder(staff, {
        advice: { kind: "decline", text: "the leather is rotten" },
        quote: { price: 20 },
      });
      const id = advisedDecline.body.order.id;
      expect(advisedDecline.body.blockers).toEqual([{ code: "advised_decline" }]);
      expect(advisedDecline.body.can.accept).toBe(false);
      const blocked = await post(staff, `/intake/${id}/accept`);
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.code).toBe("ACCEPTANCE_BLOCKED");
      expect(blocked.body.error.message).toContain("the advice is to decline");
      const overridden = await patch(staff, `/intake/${id}`, {
        advice: { kind: "proceed_with_reserve", text: "the customer insists; leather may tear" },
      });
      expect(overridden.body.blockers).toEqual([]);
      const accepted = await post(staff, `/intake/${id}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body.order.advice.kind).toBe("proceed_with_reserve");
      const bad = await newOrder(staff, { advice: { kind: "maybe" } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("advice.kind");
    });

    it("warns at intake about a customer to part ways with or with signals; staff see the level only", async () => {
      const now = Date.now();
      const facts: Fact[] = [
        {
          type: "customer",
          id: "w-abusive",
          at: now - 86_400_000,
          name: "Abe Usive",
          status: "active",
        },
        { type: "incident", id: "w-inc", at: now - 3_600_000, customer: "w-abusive", severity: 3 },
        {
          type: "customer",
          id: "w-chased",
          at: now - 86_400_000,
          name: "Chase Me",
          status: "active",
        },
        ...[1, 2, 3].map(
          (i): Fact => ({
            type: "chase",
            id: `w-ch${i}`,
            at: now - i * 3_600_000,
            customer: "w-chased",
          }),
        ),
        {
          type: "customer",
          id: "w-fine",
          at: now - 86_400_000,
          name: "Fine Person",
          status: "active",
        },
      ];
      for (const fact of facts) await insertFact(t.store, t.org.id, fact);
      const warning = (user: TestUser, customer: string) =>
        get(user, `/intake/warning?customer=${customer}`);

      expect((await warning(manager, "w-abusive")).body).toMatchObject({
        level: "part_ways",
        segment: "part_ways",
        signals: ["abusive"],
      });
      const forStaff = await warning(staff, "w-abusive");
      expect(forStaff.status).toBe(200);
      expect(forStaff.body.level).toBe("part_ways");
      expect(forStaff.body.message).toContain("parting ways");
      expect(forStaff.body.segment).toBeUndefined();
      expect(forStaff.body.signals).toBeUndefined();
      expect((await warning(owner, "w-chased")).body).toMatchObject({
        level: "signals",
        segment: "renegotiate",
        signals: ["missing_inputs"],
      });
      expect((await warning(staff, "w-fine")).body.level).toBe("none");

      const detail = await post(staff, "/intake", { customer: { id: "w-abusive" }, item: "Boots" });
      expect(detail.body.customerWarning.level).toBe("part_ways");

      const unknown = await warning(staff, "nobody");
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe("CUSTOMER_NOT_FOUND");
      const missing = await get(staff, "/intake/warning");
      expect(missing.status).toBe(400);
      expect(missing.body.error.field).toBe("customer");
      expect(
        (await call(t.app, { method: "GET", url: "/api/orgs/shop/intake/warning?customer=w-fine" }))
          .status,
      ).toBe(401);
      const rival = await signIn(t, "owner", t.other);
      const foreign = await call(t.app, {
        method: "GET",
        url: "/api/orgs/rival/intake/warning?customer=w-abusive",
        headers: rival.read,
      });
      expect(foreign.status).toBe(404);
    });
  });
}
