import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembership } from "../../../store/membership-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildServer } from "../../server.ts";
import {
  buildTestApp,
  buildUser,
  call,
  createAccount,
  signIn,
  TEST_URL,
  type TestApp,
} from "../../test-app.ts";

const setCookies = (headers: Record<string, unknown>) =>
  [headers["set-cookie"]].flat().map(String).join("\n");

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
      expect(body).toEqual({
        user: null,
        organizations: [],
        demo: null,
        instance: { setup: true, signUp: "open" },
      });
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

    it("keeps cookies without Secure behind a proxy saying https while the public URL is http", async () => {
      const user = await buildUser(t.app);
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: TEST_URL, "x-forwarded-proto": "https" },
        payload: { email: user.email, password: user.password },
      });
      expect(response.statusCode).toBe(200);
      expect(setCookies(response.headers)).not.toMatch(/;\s*Secure/i);
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
      expect(response.json()).toEqual({
        error: { code: "INVALID_CREDENTIALS", message: "Invalid email or password" },
      });
    });

    it("answers better-auth's refusals in the API's error format, naming the field", async () => {
      const user = await buildUser(t.app);
      const signUp = (payload: Record<string, unknown>) =>
        call(t.app, {
          method: "POST",
          url: "/api/auth/sign-up/email",
          headers: { origin: TEST_URL },
          payload,
        });
      const badEmail = await signUp({ email: "not-an-email", password: "long enough", name: "A" });
      expect(badEmail.status).toBe(400);
      expect(badEmail.body.error).toMatchObject({ code: "BAD_INPUT", field: "email" });
      expect(badEmail.body.error.message).toMatch(/^email: /);
      const short = await signUp({ email: "short@example.test", password: "short", name: "A" });
      expect(short.body.error).toMatchObject({ code: "BAD_INPUT", field: "password" });
      const noName = await signUp({ email: "noname@example.test", password: "long enough" });
      expect(noName.body.error).toMatchObject({ code: "BAD_INPUT", field: "name" });
      const missing = await call(t.app, {
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: TEST_URL },
        payload: { email: user.email },
      });
      expect(missing.body.error).toMatchObject({ code: "BAD_INPUT", field: "password" });
    });

    it("lets one user in two organizations see each one as its role there allows", async () => {
      const user = await signIn(t, "manager");
      await addMembership(t.store, t.other.id, user.id, "staff");
      const session = await call(t.app, { method: "GET", url: "/api/session", headers: user.read });
      const bySlug = Object.fromEntries(
        session.body.organizations.map((o: { slug: string; role: string }) => [o.slug, o]),
      );
      expect(bySlug.shop).toMatchObject({ role: "manager", can: { seeScorecards: true } });
      expect(bySlug.rival).toMatchObject({ role: "staff", can: { seeScorecards: false } });
      const get = (url: string) => call(t.app, { method: "GET", url, headers: user.read });
      expect((await get("/api/orgs/shop/dashboard")).status).toBe(200);
      expect((await get("/api/orgs/rival/dashboard")).status).toBe(403);
      expect((await get("/api/orgs/shop/charter")).status).toBe(200);
      expect((await get("/api/orgs/rival/charter")).status).toBe(403);
      const rivalCustomers = await get("/api/orgs/rival/customers");
      expect(rivalCustomers.status).toBe(200);
      expect(rivalCustomers.body.can.seeScorecards).toBe(false);
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
      expect(response.json().error).toMatchObject({ code: "CSRF_REJECTED", field: "origin" });
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
          "/api/health",
          "/api/session",
          "/api/auth/sign-up/email",
          "/api/auth/sign-in/email",
          "/api/auth/sign-out",
          "/api/auth/get-session",
          "/api/invitations/{token}",
          "/api/orgs/{org}/customers",
          "/api/orgs/{org}/charter",
        ]),
      );
      const signIn = body.paths["/api/auth/sign-in/email"].post;
      expect(signIn.requestBody.content["application/json"].schema.required).toEqual(
        expect.arrayContaining(["email", "password"]),
      );
      expect(signIn.responses["401"].content["application/json"].schema.properties).toHaveProperty(
        "error",
      );
      const health = body.paths["/api/health"].get.responses["200"];
      expect(health.content["application/json"].schema.properties).toHaveProperty("database");
    });

    it("answers the health check with the database in use", async () => {
      const { status, body } = await call(t.app, { method: "GET", url: "/api/health" });
      expect(status).toBe(200);
      expect(body).toEqual({ status: "ok", database: dialect, databaseState: "up" });
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

for (const dialect of testDialects()) {
  describe(`served over https (${dialect})`, () => {
    const HTTPS_URL = "https://comptoir.example";
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect, { publicUrl: HTTPS_URL });
    });
    afterAll(() => t.close());

    it("sets the session cookie Secure (and __Secure- prefixed) when the public URL is https", async () => {
      const credentials = { email: "secure@example.test", password: "correct horse" };
      await createAccount(t.app, { ...credentials, name: "S", verified: true });
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: HTTPS_URL },
        payload: credentials,
      });
      expect(response.statusCode).toBe(200);
      const cookies = setCookies(response.headers);
      expect(cookies).toMatch(/__Secure-comptoir\.session_token=[^;]+;.*Secure/i);
      expect(cookies).toMatch(/HttpOnly/i);
      const cookie = cookies.split("\n")[0].split(";")[0];
      const session = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: { cookie },
      });
      expect(session.body.user.email).toBe("secure@example.test");
    });
  });
}
