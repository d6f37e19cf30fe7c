import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { IDENTITY } from "../../test-identity.ts";

for (const dialect of testDialects()) {
  describe(`first steps (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
    });
    afterAll(() => t.close());

    const steps = async () => {
      const res = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/first-steps",
        headers: manager.read,
      });
      expect(res.status).toBe(200);
      return res.body as {
        steps: { step: string; done: boolean }[];
        services: number;
        done: boolean;
      };
    };
    const doneOf = async () =>
      Object.fromEntries((await steps()).steps.map((s) => [s.step, s.done]));
    const post = (url: string, payload: object) =>
      call(t.app, { method: "POST", url: `/api/orgs/shop${url}`, headers: owner.write, payload });

    it("ticks each step as the organization does it, and is done after the first intake", async () => {
      expect(await doneOf()).toEqual({
        identity: false,
        services: false,
        customers: false,
        intake: false,
      });

      // A name alone is not an identity a receipt can carry.
      await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/identity",
        headers: owner.write,
        payload: { legalName: "Martin et Fils" },
      });
      expect((await doneOf()).identity).toBe(false);
      await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/identity",
        headers: owner.write,
        payload: IDENTITY,
      });
      expect((await doneOf()).identity).toBe(true);

      for (const [i, code] of ["hem", "zip", "resole"].entries()) {
        const made = await post("/catalogue", {
          code,
          lang: "fr",
          name: code,
          price: 10,
          warrantyDays: 30,
        });
        expect(made.status).toBe(201);
        const now = await steps();
        expect(now.services).toBe(i + 1);
        expect(now.steps.find((s) => s.step === "services")?.done).toBe(i === 2);
      }

      const intake = await post("/intake", {
        customer: { new: { id: "ines", name: "Inès Moreau" } },
        item: "Pantalon",
        service: "hem",
      });
      expect(intake.status).toBe(201);
      expect(await doneOf()).toEqual({
        identity: true,
        services: true,
        customers: true,
        intake: true,
      });
      expect((await steps()).done).toBe(true);
    });

    it("is for members only", async () => {
      const outsider = await signIn(t, "owner", t.other);
      const res = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/first-steps",
        headers: outsider.read,
      });
      expect(res.status).toBe(404);
    });
  });
}
