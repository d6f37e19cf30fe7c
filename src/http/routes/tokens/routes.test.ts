import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp } from "../../test-app.ts";

for (const dialect of testDialects()) {
  describe(`API tokens (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(() => t.close());

    it("creates a token shown once, usable as a bearer without CSRF header, then revoked", async () => {
      const owner = await signIn(t, "owner");
      const created = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: owner.write,
        payload: { name: "nightly import" },
      });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^cpt_/);
      const bearer = { authorization: `Bearer ${created.body.token}` };

      const session = await call(t.app, { method: "GET", url: "/api/session", headers: bearer });
      expect(session.body.user.email).toBe(owner.email);
      const invite = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: bearer,
        payload: { email: "bot-invite@example.test", role: "staff" },
      });
      expect(invite.status).toBe(201);

      const list = await call(t.app, { method: "GET", url: "/api/tokens", headers: owner.read });
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).not.toHaveProperty("token");
      expect(list.body.items[0].lastUsedAt).not.toBeNull();

      const removed = await call(t.app, {
        method: "DELETE",
        url: `/api/tokens/${created.body.id}`,
        headers: owner.write,
      });
      expect(removed.status).toBe(204);
      const after = await call(t.app, { method: "GET", url: "/api/session", headers: bearer });
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe("UNAUTHENTICATED");
    });

    it("names the field of a bad token request and needs a session", async () => {
      const user = await signIn(t, "staff");
      const bad = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: user.write,
        payload: { name: "" },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("name");
      expect((await call(t.app, { method: "GET", url: "/api/tokens" })).status).toBe(401);
    });

    it("answers 404 for another user's token", async () => {
      const a = await signIn(t, "owner");
      const b = await signIn(t, "owner");
      const created = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: a.write,
        payload: { name: "a" },
      });
      const res = await call(t.app, {
        method: "DELETE",
        url: `/api/tokens/${created.body.id}`,
        headers: b.write,
      });
      expect(res.status).toBe(404);
    });

    it("answers 401 to creating or revoking a token without a session", async () => {
      const owner = await signIn(t, "owner");
      const created = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: owner.write,
        payload: { name: "kept" },
      });
      const anonymousCreate = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        payload: { name: "x" },
      });
      expect(anonymousCreate.status).toBe(401);
      expect(anonymousCreate.body.error.code).toBe("UNAUTHENTICATED");
      const anonymousDelete = await call(t.app, {
        method: "DELETE",
        url: `/api/tokens/${created.body.id}`,
      });
      expect(anonymousDelete.status).toBe(401);
      const list = await call(t.app, { method: "GET", url: "/api/tokens", headers: owner.read });
      expect(list.body.items.map((i: { name: string }) => i.name)).toEqual(["kept"]);
    });
  });
}
