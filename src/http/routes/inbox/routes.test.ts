import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFact } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

for (const dialect of testDialects()) {
  describe(`inbox (${dialect})`, () => {
    let t: TestApp;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      staff = await signIn(t, "staff");
    });
    afterAll(() => t.close());

    it("lists complaints and detractors oldest first, with targets on the organization's clock", async () => {
      // Saturday 28 March 2026, 10:00 in Paris (the shop's zone): summer time starts that night.
      const since = Date.parse("2026-03-28T09:00:00Z");
      await insertFact(t.store, t.org.id, {
        type: "customer",
        id: "dee",
        at: since - 1000,
        name: "Dee Tractor",
        status: "active",
      });
      await insertFact(t.store, t.org.id, {
        type: "feedback",
        id: "fb1",
        at: since,
        source: "customer",
        customer: "dee",
        score: 3,
        text: "slow",
      });
      await insertFact(t.store, t.org.id, {
        type: "feedback",
        id: "fb2",
        at: since,
        source: "customer",
        customer: "dee",
        score: 9,
      });
      const complaint = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/complaints",
        headers: staff.write,
        payload: { customer: "dee", text: "rude" },
      });
      const at = (now: string) =>
        call(t.app, { method: "GET", url: `/api/orgs/shop/inbox?now=${now}`, headers: staff.read });
      const sunday = await at("2026-03-29T07:30:00Z");
      expect(sunday.body.timeZone).toBe("Europe/Paris");
      const feedback = sunday.body.items.find((i: { id: string }) => i.id === "fb1");
      // 24 hours on the wall clock: Sunday 10:00 in Paris, 08:00 UTC (23 real hours later).
      expect(feedback).toMatchObject({
        kind: "feedback",
        due: "2026-03-29T08:00:00.000Z",
        remainingMinutes: 30,
        overdue: false,
      });
      expect(sunday.body.items.find((i: { id: string }) => i.id === "fb2")).toBeUndefined();
      expect(sunday.body.items[0].id).toBe("fb1");
      const later = await at("2026-03-29T08:01:00Z");
      expect(later.body.items.find((i: { id: string }) => i.id === "fb1").overdue).toBe(true);
      expect(later.body.counts.overdue).toBeGreaterThanOrEqual(1);
      expect(later.body.items.map((i: { id: string }) => i.id)).toContain(
        complaint.body.complaint.id,
      );
      await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/inbox/feedback/fb1/done",
        headers: staff.write,
      });
      expect(
        (await at("2026-03-29T08:01:00Z")).body.items.find((i: { id: string }) => i.id === "fb1"),
      ).toBeUndefined();
    });

    it("answers 400, 401 and 404", async () => {
      expect(
        (
          await call(t.app, {
            method: "GET",
            url: "/api/orgs/shop/inbox?now=soon",
            headers: staff.read,
          })
        ).body.error.field,
      ).toBe("now");
      expect((await call(t.app, { method: "GET", url: "/api/orgs/shop/inbox" })).status).toBe(401);
      expect(
        (await call(t.app, { method: "GET", url: "/api/orgs/rival/inbox", headers: staff.read }))
          .status,
      ).toBe(404);
      expect(
        (
          await call(t.app, {
            method: "POST",
            url: "/api/orgs/shop/inbox/feedback/nope/done",
            headers: staff.write,
          })
        ).status,
      ).toBe(404);
    });
  });
}
