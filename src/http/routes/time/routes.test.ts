import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TimeFact } from "../../../domain/facts.ts";
import { findFact, insertFact, listCustomerFacts } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { deleteTimer, findTimer, insertTimer } from "../../../store/timer-repository.ts";
import { buildServer } from "../../server.ts";
import {
  buildTestApp,
  call,
  signIn,
  TEST_URL,
  type TestApp,
  type TestUser,
} from "../../test-app.ts";

const MINUTE = 60_000;

for (const dialect of testDialects()) {
  describe(`time by activity (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      const at = Date.now() - 30 * 24 * 60 * MINUTE;
      for (const [id, name] of [
        ["ana", "Ana Auger"],
        ["bob", "Bob Bernard"],
        ["cyd", "Cyd Carré"],
      ] as const)
        await insertFact(t.store, t.org.id, { type: "customer", id, at, name, status: "active" });
      await insertFact(t.store, t.org.id, {
        type: "order",
        id: "o-ana",
        at,
        customer: "ana",
        price: 100_00,
        list_price: 100_00,
        cost: 0,
      });
      await insertFact(t.store, t.other.id, {
        type: "customer",
        id: "zed",
        at,
        name: "Zed",
        status: "active",
      });
    });
    afterAll(() => t.close());

    const req = (
      user: TestUser | null,
      method: "GET" | "POST" | "DELETE",
      path: string,
      payload?: object,
      org = "shop",
    ) =>
      call(t.app, {
        method,
        url: `/api/orgs/${org}${path}`,
        headers: user ? (method === "GET" ? user.read : user.write) : {},
        ...(payload ? { payload } : method === "GET" ? {} : { payload: {} }),
      });

    it("keeps one timer per member in the database and logs its time when stopped", async () => {
      expect((await req(staff, "GET", "/timer")).body).toEqual({ timer: null });
      const started = await req(staff, "POST", "/timer", { customer: "ana", activity: "chasing" });
      expect(started.status).toBe(201);
      expect(started.body.timer).toMatchObject({
        customer: "ana",
        customerName: "Ana Auger",
        activity: "chasing",
        order: null,
      });
      // A second start while it runs is refused, and the first stays.
      const again = await req(staff, "POST", "/timer", { customer: "bob", activity: "work" });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("TIMER_RUNNING");
      // Another member has a timer of their own.
      expect(
        (await req(manager, "POST", "/timer", { customer: "bob", activity: "work" })).status,
      ).toBe(201);
      // What a reload reads: the row in the database.
      expect((await req(staff, "GET", "/timer")).body.timer.customer).toBe("ana");

      // As if started 1 h 20 ago (the clock of the database row is what counts).
      await deleteTimer(t.store.db, t.org.id, staff.id);
      await insertTimer(t.store.db, t.org.id, {
        userId: staff.id,
        customer: "ana",
        order: null,
        activity: "chasing",
        startedAt: Date.now() - 80 * MINUTE,
      });
      const stopped = await req(staff, "POST", "/timer/stop", {});
      expect(stopped.status).toBe(201);
      expect(stopped.body.entry).toMatchObject({
        customer: "ana",
        activity: "chasing",
        minutes: 80,
        order: null,
      });
      const fact = (await findFact(t.store, t.org.id, "time", stopped.body.entry.id)) as TimeFact;
      expect(fact).toMatchObject({
        type: "time",
        customer: "ana",
        minutes: 80,
        activity: "chasing",
        extra: { staff_user: staff.id },
      });
      expect(fact.staff).toMatch(/^User \d+$/);
      expect(await findTimer(t.store.db, t.org.id, staff.id)).toBeUndefined();
      const twice = await req(staff, "POST", "/timer/stop", {});
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe("TIMER_NOT_RUNNING");

      // Discarding logs nothing.
      const before = (await listCustomerFacts(t.store, t.org.id, "bob")).length;
      expect((await req(manager, "DELETE", "/timer")).body).toEqual({ ok: true });
      expect((await listCustomerFacts(t.store, t.org.id, "bob")).length).toBe(before);
      expect((await req(manager, "DELETE", "/timer")).status).toBe(409);
    });

    it("finds the member's timer again after a server restart (a new server, same database)", async () => {
      const started = await req(staff, "POST", "/timer", { customer: "cyd", activity: "admin" });
      expect(started.status).toBe(201);
      const restarted = await buildServer({
        store: t.store,
        publicUrl: TEST_URL,
        authSecret: "test-secret-test-secret-test-secret-123",
        webDist: "/nonexistent",
        notice: () => undefined,
      });
      try {
        const seen = await call(restarted, {
          method: "GET",
          url: "/api/orgs/shop/timer",
          headers: staff.read,
        });
        expect(seen.body.timer).toMatchObject({
          customer: "cyd",
          activity: "admin",
          startedAt: started.body.timer.startedAt,
        });
        const stopped = await call(restarted, {
          method: "POST",
          url: "/api/orgs/shop/timer/stop",
          headers: staff.write,
          payload: {},
        });
        expect(stopped.body.entry).toMatchObject({ customer: "cyd", activity: "admin" });
      } finally {
        await restarted.close();
      }
    });

    it("starts a timer on an order, names its customer, and takes another activity at the stop", async () => {
      const started = await req(owner, "POST", "/timer", { order: "o-ana", activity: "work" });
      expect(started.body.timer).toMatchObject({ customer: "ana", order: "o-ana" });
      const stopped = await req(owner, "POST", "/timer/stop", { activity: "revision" });
      expect(stopped.body.entry).toMatchObject({
        customer: "ana",
        order: "o-ana",
        activity: "revision",
        minutes: 1,
      });
    });

    it("logs manual entries and shows the customer's time and its cost by activity", async () => {
      for (const [minutes, activity] of [
        [120, "chasing"],
        [30, "work"],
        [15, "negotiation"],
      ] as const) {
        const r = await req(staff, "POST", "/time", {
          customer: "bob",
          activity,
          minutes,
          at: "2026-01-10",
        });
        expect(r.status).toBe(201);
      }
      const r = await req(staff, "POST", "/time", {
        customer: "bob",
        activity: "chasing",
        minutes: 80,
      });
      expect(r.body.entry.staff).toMatch(/^User \d+$/);
      const time = await req(manager, "GET", "/customers/bob/time?asOf=2026-12-31");
      expect(time.status).toBe(200);
      // 3 h 20 chasing at the default 40 an hour: 133.33.
      expect(time.body.activities).toEqual([
        { activity: "work", minutes: 30, cost: 20 },
        { activity: "chasing", minutes: 200, cost: 133.33 },
        { activity: "negotiation", minutes: 15, cost: 10 },
      ]);
      expect(time.body).toMatchObject({
        currency: "EUR",
        hourCost: 40,
        minutes: 245,
        nonBillableMinutes: 215,
        nonBillableCost: 143.33,
      });
      // Staff see the minutes, not the cost.
      const seen = await req(staff, "GET", "/customers/bob/time?asOf=2026-12-31");
      expect(seen.body.hourCost).toBeNull();
      expect(seen.body.activities[1]).toEqual({ activity: "chasing", minutes: 200, cost: null });
      // Outside the window (12 months before the as-of date) nothing counts.
      const later = await req(manager, "GET", "/customers/bob/time?asOf=2027-06-30");
      expect(later.body.activities).toEqual([{ activity: "chasing", minutes: 80, cost: 53.33 }]);
    });

    it("ranks customers by non-billable time for managers and owners, not staff", async () => {
      await req(staff, "POST", "/time", { customer: "cyd", activity: "complaint", minutes: 500 });
      await req(staff, "POST", "/time", { customer: "cyd", activity: "work", minutes: 900 });
      const report = await req(manager, "GET", "/reports/non-billable-time");
      expect(report.status).toBe(200);
      const names = report.body.customers.map((c: { name: string }) => c.name);
      expect(names).toEqual(["Cyd Carré", "Bob Bernard", "Ana Auger"]);
      expect(report.body.customers[0]).toMatchObject({
        customer: "cyd",
        minutes: 500,
        complaint: 500,
        chasing: 0,
        cost: 333.33,
      });
      expect(report.body.customers[1]).toMatchObject({
        minutes: 215,
        chasing: 200,
        negotiation: 15,
      });
      expect((await req(owner, "GET", "/reports/non-billable-time")).status).toBe(200);
      const refused = await req(staff, "GET", "/reports/non-billable-time");
      expect(refused.status).toBe(403);
    });

    it("answers 400 naming the field and logs nothing", async () => {
      const before = (await listCustomerFacts(t.store, t.org.id, "ana")).length;
      const cases: [object, string][] = [
        [{ customer: "ana", activity: "work" }, "minutes"],
        [{ customer: "ana", activity: "sleeping", minutes: 5 }, "activity"],
        [{ customer: "ana", activity: "work", minutes: 0 }, "minutes"],
        [{ customer: "ana", activity: "work", minutes: 2.5 }, "minutes"],
        [{ activity: "work", minutes: 5 }, "customer"],
        [{ customer: "ana", activity: "work", minutes: 5, at: "yesterday" }, "at"],
        [{ customer: "ana", activity: "work", minutes: 5, at: "2999-01-01" }, "at"],
        [{ customer: "bob", order: "o-ana", activity: "work", minutes: 5 }, "order"],
      ];
      for (const [payload, field] of cases) {
        const r = await req(staff, "POST", "/time", payload);
        expect(r.status, JSON.stringify(payload)).toBe(400);
        expect(r.body.error.field ?? r.body.error.message.split(":")[0]).toBe(field);
      }
      const bad = await req(staff, "POST", "/timer", { customer: "ana", activity: "nap" });
      expect(bad.status).toBe(400);
      expect((await listCustomerFacts(t.store, t.org.id, "ana")).length).toBe(before);
      expect(await findTimer(t.store.db, t.org.id, staff.id)).toBeUndefined();
    });

    it("answers 401 signed out, 404 for another organization's customer or order", async () => {
      expect((await req(null, "GET", "/timer")).status).toBe(401);
      expect(
        (await req(null, "POST", "/time", { customer: "ana", activity: "work", minutes: 5 }))
          .status,
      ).toBe(401);
      const zed = await req(staff, "POST", "/time", {
        customer: "zed",
        activity: "work",
        minutes: 5,
      });
      expect(zed.status).toBe(404);
      expect(zed.body.error.code).toBe("CUSTOMER_NOT_FOUND");
      expect(
        (await req(staff, "POST", "/timer", { customer: "zed", activity: "work" })).status,
      ).toBe(404);
      expect(
        (await req(staff, "POST", "/time", { order: "nope", activity: "work", minutes: 5 })).status,
      ).toBe(404);
      expect((await req(manager, "GET", "/customers/zed/time")).status).toBe(404);
      const rival = await signIn(t, "owner", t.other);
      expect((await req(rival, "GET", "/customers/ana/time", undefined, "rival")).status).toBe(404);
      expect((await req(rival, "GET", "/timer")).status).toBe(404);
    });
  });
}
