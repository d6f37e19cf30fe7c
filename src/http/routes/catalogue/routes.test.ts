import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCatalogue } from "../../../app/demo/seed-demo-catalogue.ts";
import { listServices } from "../../../store/catalogue-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

for (const dialect of testDialects()) {
  describe(`catalogue (${dialect})`, () => {
    let t: TestApp;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
    });
    afterAll(() => t.close());

    const service = {
      code: "resole",
      lang: "fr",
      name: "Ressemelage",
      price: 75,
      cost: 18.5,
      minutes: 45,
      warrantyDays: 90,
      risks: [{ code: "worn_upper", text: "tige usée" }],
    };

    it("lets managers add and change services, shows staff the prices but not the costs", async () => {
      const created = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/catalogue",
        headers: manager.write,
        payload: service,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        price: 75,
        cost: 18.5,
        includedRevisions: 0,
        active: true,
      });
      const patched = await call(t.app, {
        method: "PATCH",
        url: `/api/orgs/shop/catalogue/${created.body.id}`,
        headers: manager.write,
        payload: { price: 80 },
      });
      expect(patched.body).toMatchObject({
        price: 80,
        cost: 18.5,
        risks: service.risks,
        active: true,
      });
      const list = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/catalogue?lang=fr",
        headers: staff.read,
      });
      expect(list.body.items).toEqual([expect.objectContaining({ code: "resole", price: 80 })]);
      expect(list.body.items[0].cost).toBeUndefined();
      expect(list.body.canEdit).toBe(false);
    });

    it("answers 400 naming the field, 401, 403 for staff and 404 for strangers", async () => {
      const bad = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/catalogue",
        headers: manager.write,
        payload: { ...service, price: -1 },
      });
      expect(bad.body.error.field).toBe("price");
      expect((await call(t.app, { method: "GET", url: "/api/orgs/shop/catalogue" })).status).toBe(
        401,
      );
      expect(
        (
          await call(t.app, {
            method: "POST",
            url: "/api/orgs/shop/catalogue",
            headers: staff.write,
            payload: service,
          })
        ).status,
      ).toBe(403);
      const rival = await signIn(t, "owner", t.other);
      expect(
        (await call(t.app, { method: "GET", url: "/api/orgs/shop/catalogue", headers: rival.read }))
          .status,
      ).toBe(404);
      expect(
        (
          await call(t.app, {
            method: "PATCH",
            url: "/api/orgs/rival/catalogue/nope",
            headers: rival.write,
            payload: {},
          })
        ).status,
      ).toBe(404);
    });

    it("seeds the demo catalogue in French and English, once", async () => {
      expect(await seedDemoCatalogue(t.store, t.other.id)).toBeGreaterThan(0);
      expect(await seedDemoCatalogue(t.store, t.other.id)).toBe(0);
      const services = await listServices(t.store, t.other.id);
      expect(services.filter((s) => s.lang === "fr").length).toBe(
        services.filter((s) => s.lang === "en").length,
      );
      expect(services.flatMap((s) => s.risks.map((r) => r.text))).toContain(
        "plastic sole: a glued repair stays visible",
      );
    });
  });
}
