import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildServer } from "../../server.ts";
import { buildTestApp, buildUser, call, signIn, TEST_URL, type TestApp } from "../../test-app.ts";

for (const dialect of testDialects()) {
  describe(`session and sign-in (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect, { signInPerMinute: 3 });
    });
    afterAll(() => t.close());

    it("answers an anonymous visitor with no user, no organizations and no demo account", async () => {
      const { status, body } = await call(t.app, { method: "GET", url: "/api/session" });
      expect(status).toBe(200);
      expect(body).toEqual({ user: null, organizations: [], demo: null });
    });

    it("lists the signed-in user's organizations with role and policies", async () => {
      const user = await signIn(t, "staff");
      const { body } = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: user.read,
      });
      expect(body.user.email).toBe(user.email);
      expect(body.organizations).toHaveLength(1);
      expect(body.organizations[0]).toMatchObject({ slug: "shop", role: "staff" });
      expect(body.organizations[0].can.seeScorecards).toBe(false);
    });

    it("signs in with email and password into an httpOnly cookie, not Secure on plain http", async () => {
      const user = await buildUser(t.app);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: TEST_URL },
        payload: { email: user.email, password: user.password },
      });
      expect(response.statusCode).toBe(200);
      const cookies = [response.headers["set-cookie"]].flat().join("\n");
      expect(cookies).toMatch(/comptoir\.session_token=/);
      expect(cookies).toMatch(/HttpOnly/i);
      expect(cookies).not.toMatch(/;\s*Secure/i);
    });

    it("refuses a wrong password", async () => {
      const user = await buildUser(t.app);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: TEST_URL },
        payload: { email: user.email, password: "wrong password!" },
      });
      expect(response.statusCode).toBe(401);
    });

    it("rate-limits sign-in attempts for the same address and e-mail", async () => {
      const attempt = () =>
        call(t.app, {
          method: "POST",
          url: "/api/auth/sign-in/email",
          headers: { origin: TEST_URL },
          payload: { email: "nobody@example.test", password: "whatever123" },
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
      expect(statuses.slice(0, 3)).not.toContain(429);
      const last = await attempt();
      expect(last.status).toBe(429);
      expect(last.body.error.code).toBe("RATE_LIMITED");
    });

    it("refuses a sign-in posted from another origin", async () => {
      const user = await buildUser(t.app);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: "https://evil.example", cookie: user.read.cookie },
        payload: { email: user.email, password: user.password },
      });
      expect(response.statusCode).toBe(403);
    });

    it("signs out: the session cookie no longer works", async () => {
      const user = await signIn(t, "owner");
      const out = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-out",
        headers: user.write,
      });
      expect(out.statusCode).toBe(200);
      const { body } = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: user.read,
      });
      expect(body.user).toBeNull();
    });

    it("answers unknown routes with a NOT_FOUND error body", async () => {
      const { status, body } = await call(t.app, { method: "GET", url: "/api/nothing-here" });
      expect(status).toBe(404);
      expect(body.error.code).toBe("NOT_FOUND");
    });

    it("publishes an OpenAPI document with the API routes", async () => {
      const { status, body } = await call(t.app, { method: "GET", url: "/api/openapi.json" });
      expect(status).toBe(200);
      expect(body.openapi).toMatch(/^3\./);
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining([
          "/api/session",
          "/api/orgs/{org}/customers",
          "/api/orgs/{org}/charter",
        ]),
      );
    });
  });
}

for (const dialect of testDialects()) {
  describe(`demo mode (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect, { demoOrg: "shop" });
    });
    afterAll(() => t.close());

    it("shows the demo owner's credentials, which sign in as owner of the demo organization", async () => {
      const { body } = await call(t.app, { method: "GET", url: "/api/session" });
      expect(body.demo.email).toBe("demo@comptoir.local");
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: TEST_URL },
        payload: body.demo,
      });
      expect(response.statusCode).toBe(200);
      const cookie = [response.headers["set-cookie"]]
        .flat()
        .map((c) => String(c).split(";")[0])
        .join("; ");
      const session = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: { cookie },
      });
      expect(session.body.organizations).toEqual([
        expect.objectContaining({ slug: "shop", role: "owner" }),
      ]);
    });

    it("keeps the same demo account when the server starts again", async () => {
      const again = await buildServer({
        store: t.store,
        publicUrl: TEST_URL,
        demoOrg: "shop",
        webDist: "/none",
      });
      expect(again.demoAccount).toEqual(t.app.demoAccount);
      await again.close();
    });
  });
}
