import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembership } from "../../../store/membership-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp } from "../../test-app.ts";
import { asToken, makeToken } from "./test-tokens.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

for (const dialect of testDialects()) {
  describe(`API tokens (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(() => t.close());

    it("creates a token shown once for one organization and role, usable without CSRF, then revoked", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner, { name: "nightly import", role: "owner" });
      expect(made.token).toMatch(/^cpt_/);
      expect(made.body).toMatchObject({ org: { slug: "shop", name: "Shop" }, role: "owner" });

      const session = await asToken(t, made, "/api/session");
      expect(session.body.user.email).toBe(owner.email);
      const invite = await asToken(t, made, "/api/orgs/shop/invitations", "POST", {
        email: "bot-invite@example.test",
        role: "staff",
      });
      expect(invite.status).toBe(201);

      const list = await call(t.app, { method: "GET", url: "/api/tokens", headers: owner.read });
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).not.toHaveProperty("token");
      expect(list.body.items[0]).toMatchObject({ name: "nightly import", role: "owner" });
      expect(list.body.items[0].lastUsedAt).not.toBeNull();

      const removed = await call(t.app, {
        method: "DELETE",
        url: `/api/tokens/${made.id}`,
        headers: owner.write,
      });
      expect(removed.status).toBe(204);
      const after = await asToken(t, made, "/api/session");
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe("UNAUTHENTICATED");
    });

    it("keeps only the SHA-256 of the secret", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner);
      const rows = await t.store.db.selectFrom("api_tokens").selectAll().execute();
      const row = rows.find((r) => r.id === made.id);
      expect(row?.token_hash).toBe(createHash("sha256").update(made.token).digest("hex"));
      expect(JSON.stringify(rows)).not.toContain(made.token);
    });

    it("expires after 90 days unless another number of days is chosen, and names a bad one", async () => {
      const owner = await signIn(t, "owner");
      const before = Date.now();
      const byDefault = await makeToken(t, owner);
      const week = await makeToken(t, owner, { expiresInDays: 7 });
      const expires = (m: { body: Record<string, unknown> }) =>
        Date.parse(m.body.expiresAt as string);
      expect(expires(byDefault) - before).toBeGreaterThanOrEqual(90 * DAY_MS);
      expect(expires(byDefault) - before).toBeLessThan(90 * DAY_MS + 60_000);
      expect(expires(week) - before).toBeGreaterThanOrEqual(7 * DAY_MS);
      expect(expires(week) - before).toBeLessThan(7 * DAY_MS + 60_000);
      for (const expiresInDays of [0, 366, 1.5]) {
        const bad = await call(t.app, {
          method: "POST",
          url: "/api/tokens",
          headers: owner.write,
          payload: { name: "x", org: "shop", role: "staff", expiresInDays },
        });
        expect(bad.status).toBe(400);
        expect(bad.body.error.field).toBe("expiresInDays");
      }
    });

    it("refuses an expired token with a message that says so", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner);
      await t.store.db
        .updateTable("api_tokens")
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where("id", "=", made.id)
        .execute();
      const res = await asToken(t, made, "/api/orgs/shop/customers");
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
      expect(res.body.error.message).toMatch(/expired on \d{4}-\d\d-\d\d/);
    });

    it("acts in its one organization only, even when its creator belongs to others", async () => {
      const owner = await signIn(t, "owner");
      await addMembership(t.store, t.other.id, owner.id, "owner");
      const made = await makeToken(t, owner);
      expect((await asToken(t, made, "/api/orgs/shop/customers")).status).toBe(200);
      const rival = await asToken(t, made, "/api/orgs/rival/customers");
      expect(rival.status).toBe(404);
      expect(rival.body.error.code).toBe("ORGANIZATION_NOT_FOUND");
      const session = await asToken(t, made, "/api/session");
      expect(session.body.organizations.map((o: { slug: string }) => o.slug)).toEqual(["shop"]);
      // The cookie still sees both.
      const cookie = await call(t.app, { method: "GET", url: "/api/session", headers: owner.read });
      expect(cookie.body.organizations).toHaveLength(2);
    });

    it("acts with its own role when lower than its creator's", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner, { role: "staff" });
      expect((await asToken(t, made, "/api/orgs/shop/customers")).status).toBe(200);
      const dashboard = await asToken(t, made, "/api/orgs/shop/dashboard");
      expect(dashboard.status).toBe(403);
      expect(dashboard.body.error.code).toBe("FORBIDDEN");
      expect(dashboard.body.error.message).toBe(
        "this API token acts as staff and may not see the portfolio",
      );
      const session = await asToken(t, made, "/api/session");
      expect(session.body.organizations[0]).toMatchObject({ role: "staff" });
      expect(session.body.organizations[0].can.seeScorecards).toBe(false);
    });

    it("loses power at once when its creator is demoted, and gets it back when promoted", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner, { role: "owner" });
      expect((await asToken(t, made, "/api/orgs/shop/dashboard")).status).toBe(200);
      await addMembership(t.store, t.org.id, owner.id, "staff");
      const demoted = await asToken(t, made, "/api/orgs/shop/dashboard");
      expect(demoted.status).toBe(403);
      expect(demoted.body.error.message).toMatch(/acts as staff/);
      await addMembership(t.store, t.org.id, owner.id, "manager");
      expect((await asToken(t, made, "/api/orgs/shop/dashboard")).status).toBe(200);
      const invite = await asToken(t, made, "/api/orgs/shop/invitations", "POST", {
        email: "nobody@example.test",
        role: "staff",
      });
      expect(invite.status).toBe(403);
    });

    it("loses the organization at once when its creator is removed", async () => {
      const boss = await signIn(t, "owner");
      const leaver = await signIn(t, "manager");
      const made = await makeToken(t, leaver, { role: "manager" });
      expect((await asToken(t, made, "/api/orgs/shop/customers")).status).toBe(200);
      const removed = await call(t.app, {
        method: "DELETE",
        url: `/api/orgs/shop/members/${leaver.id}`,
        headers: boss.write,
      });
      expect(removed.status).toBe(204);
      const res = await asToken(t, made, "/api/orgs/shop/customers");
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("ORGANIZATION_NOT_FOUND");
      expect((await asToken(t, made, "/api/session")).body.organizations).toEqual([]);
    });

    it("gives no token a role above its creator's, nor one for an organization not theirs", async () => {
      const manager = await signIn(t, "manager");
      const above = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: manager.write,
        payload: { name: "x", org: "shop", role: "owner" },
      });
      expect(above.status).toBe(403);
      expect(above.body.error).toMatchObject({
        code: "FORBIDDEN",
        message: "role: your role in Shop is manager; a token cannot have more (owner)",
      });
      const foreign = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: manager.write,
        payload: { name: "x", org: "rival", role: "staff" },
      });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe("ORGANIZATION_NOT_FOUND");
      const list = await call(t.app, { method: "GET", url: "/api/tokens", headers: manager.read });
      expect(list.body.items).toEqual([]);
    });

    it("cannot create, list or revoke tokens, nor accept an invitation (403 TOKEN_NOT_ALLOWED)", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner);
      const create = await asToken(t, made, "/api/tokens", "POST", {
        name: "child",
        org: "shop",
        role: "staff",
      });
      expect(create.status).toBe(403);
      expect(create.body.error).toMatchObject({
        code: "TOKEN_NOT_ALLOWED",
        message: "authorization: an API token cannot create API tokens; sign in to do it",
      });
      expect((await asToken(t, made, "/api/tokens")).body.error.code).toBe("TOKEN_NOT_ALLOWED");
      const revoke = await asToken(t, made, `/api/tokens/${made.id}`, "DELETE");
      expect(revoke.status).toBe(403);
      const accept = await asToken(t, made, "/api/invitations/0123456789abcdef/accept", "POST");
      expect(accept.status).toBe(403);
      expect(accept.body.error.code).toBe("TOKEN_NOT_ALLOWED");
      const list = await call(t.app, { method: "GET", url: "/api/tokens", headers: owner.read });
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([made.id]);
    });

    it("records when a token was last used", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner);
      const list = async () =>
        (await call(t.app, { method: "GET", url: "/api/tokens", headers: owner.read })).body
          .items[0];
      expect((await list()).lastUsedAt).toBeNull();
      const before = Date.now();
      await asToken(t, made, "/api/orgs/shop/customers");
      expect(Date.parse((await list()).lastUsedAt)).toBeGreaterThanOrEqual(before - 1000);
    });

    it("names the field of a bad token request and needs a session", async () => {
      const user = await signIn(t, "staff");
      const bad = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: user.write,
        payload: { name: "", org: "shop", role: "staff" },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("name");
      const badRole = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: user.write,
        payload: { name: "x", org: "shop", role: "admin" },
      });
      expect(badRole.status).toBe(400);
      expect(badRole.body.error.field).toBe("role");
      expect((await call(t.app, { method: "GET", url: "/api/tokens" })).status).toBe(401);
    });

    it("answers 404 for another user's token", async () => {
      const a = await signIn(t, "owner");
      const b = await signIn(t, "owner");
      const made = await makeToken(t, a);
      const res = await call(t.app, {
        method: "DELETE",
        url: `/api/tokens/${made.id}`,
        headers: b.write,
      });
      expect(res.status).toBe(404);
    });

    it("answers 401 to creating or revoking a token without a session", async () => {
      const owner = await signIn(t, "owner");
      const made = await makeToken(t, owner, { name: "kept" });
      const anonymousCreate = await call(t.app, {
        method: "POST",
        url: "/api/tokens",
        payload: { name: "x", org: "shop", role: "staff" },
      });
      expect(anonymousCreate.status).toBe(401);
      expect(anonymousCreate.body.error.code).toBe("UNAUTHENTICATED");
      const anonymousDelete = await call(t.app, {
        method: "DELETE",
        url: `/api/tokens/${made.id}`,
      });
      expect(anonymousDelete.status).toBe(401);
      const list = await call(t.app, { method: "GET", url: "/api/tokens", headers: owner.read });
      expect(list.body.items.map((i: { name: string }) => i.name)).toEqual(["kept"]);
    });
  });
}
