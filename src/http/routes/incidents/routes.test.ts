import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFact, listCustomerFacts } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

for (const dialect of testDialects()) {
  describe(`incidents (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      for (const [id, name] of [
        ["dan", "Dan Dupuis"],
        ["gus", "Gus Garnier"],
      ])
        await insertFact(t.store, t.org.id, {
          type: "customer",
          id,
          at: Date.parse("2026-01-05"),
          name,
          status: "active",
        });
    });
    afterAll(() => t.close());

    const report = (user: TestUser, payload: object, org = "shop") =>
      call(t.app, {
        method: "POST",
        url: `/api/orgs/${org}/incidents`,
        headers: user.write,
        payload,
      });
    const customer = (user: TestUser, id: string) =>
      call(t.app, { method: "GET", url: `/api/orgs/shop/customers/${id}`, headers: user.read });

    it("makes the customer part_ways (abusive) once staff report a severity 3 incident", async () => {
      expect((await customer(manager, "dan")).body.scorecard.segment).toBe("steady");
      const reported = await report(staff, {
        customer: "dan",
        severity: 3,
        staff: "Léa",
        text: "Threatened Léa at the counter",
        at: "2026-02-10",
      });
      expect(reported.status).toBe(201);
      expect(reported.body.incident).toMatchObject({
        customer: "dan",
        severity: 3,
        staff: "Léa",
        at: "2026-02-10T00:00:00.000Z",
      });
      const id = reported.body.incident.id;
      const card = (await customer(manager, "dan")).body.scorecard;
      expect(card.segment).toBe("part_ways");
      const abusive = card.signals.find((s: { code: string }) => s.code === "abusive");
      expect(abusive.evidence).toContain(id);

      // Staff see the incident on the timeline, not the scorecard.
      const seen = (await customer(staff, "dan")).body;
      expect(seen.scorecard).toBeNull();
      const entry = seen.timeline.find((e: { id: string }) => e.id === id);
      expect(entry).toMatchObject({
        type: "incident",
        fields: { severity: 3, staff: "Léa", text: "Threatened Léa at the counter" },
      });
    });

    it("lets every role report an incident (staff, manager, owner)", async () => {
      for (const user of [staff, manager, owner]) {
        const r = await report(user, { customer: "gus", severity: 1, text: "rude" });
        expect(r.status).toBe(201);
      }
      const incidents = (await listCustomerFacts(t.store, t.org.id, "gus")).filter(
        (f) => f.type === "incident",
      );
      expect(incidents).toHaveLength(3);
    });

    it("answers 400 naming the field and stores nothing", async () => {
      const before = (await listCustomerFacts(t.store, t.org.id, "gus")).length;
      const cases: [object, string][] = [
        [{ customer: "gus", text: "x" }, "severity"],
        [{ customer: "gus", severity: 4, text: "x" }, "severity"],
        [{ customer: "gus", severity: 2, text: "  " }, "text"],
        [{ severity: 2, text: "x" }, "customer"],
        [{ customer: "gus", severity: 2, text: "x", at: "yesterday" }, "at"],
        [{ customer: "gus", severity: 2, text: "x", at: "2999-01-01" }, "at"],
      ];
      for (const [payload, field] of cases) {
        const r = await report(staff, payload);
        expect(r.status, JSON.stringify(payload)).toBe(400);
        expect(r.body.error.field).toBe(field);
      }
      expect((await listCustomerFacts(t.store, t.org.id, "gus")).length).toBe(before);
    });

    it("answers 401 without a session", async () => {
      const r = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/incidents",
        payload: { customer: "gus", severity: 1, text: "x" },
      });
      expect(r.status).toBe(401);
    });

    it("answers 404 for another organization's customer, and for an organization not one's own", async () => {
      const rival = await signIn(t, "owner", t.other);
      const cross = await report(rival, { customer: "dan", severity: 3, text: "x" }, "rival");
      expect(cross.status).toBe(404);
      expect(cross.body.error.code).toBe("CUSTOMER_NOT_FOUND");
      const foreign = await report(rival, { customer: "dan", severity: 3, text: "x" });
      expect(foreign.status).toBe(404);
      expect((await report(staff, { customer: "nobody", severity: 1, text: "x" })).status).toBe(
        404,
      );
    });
  });
}
