/**
 * The demo password is shown only in demo mode, only to a request from this machine's
 * loopback interface (not relayed by a proxy), only while unchanged, and never to a signed-in
 * member other than the demo owner. Every route of the OpenAPI document is walked in the other
 * cases, and no answer may hold the password.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembership } from "../../store/membership-repository.ts";
import { testDialects } from "../../store/test-stores.ts";
import { buildTestApp, buildUser, call, signIn, TEST_URL, type TestApp } from "../test-app.ts";

const REMOTE = "203.0.113.7";

/** Every operation of the OpenAPI document, path parameters filled in. */
async function operations(t: TestApp): Promise<{ method: string; url: string }[]> {
  const doc = (await call(t.app, { method: "GET", url: "/api/openapi.json" })).body;
  const list: { method: string; url: string }[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, object>)) {
    const url = path.replace("{org}", "shop").replace(/\{[^}]+\}/g, "x1234567890");
    for (const method of Object.keys(methods)) list.push({ method: method.toUpperCase(), url });
  }
  return list;
}

async function walk(
  t: TestApp,
  as: { headers?: Record<string, string>; remoteAddress?: string },
): Promise<string[]> {
  const leaks: string[] = [];
  const password = t.app.demoAccount?.password ?? "";
  for (const op of await operations(t)) {
    if (op.url === "/api/auth/sign-out") continue; // would end the session being walked with
    const response = await t.app.inject({
      method: op.method as "GET",
      url: op.url,
      headers: { origin: TEST_URL, "x-comptoir-csrf": "1", ...as.headers },
      remoteAddress: as.remoteAddress,
      ...(op.method === "GET" || op.method === "DELETE" ? {} : { payload: {} }),
    });
    if (response.body.includes(password)) leaks.push(`${op.method} ${op.url}`);
  }
  return leaks;
}

for (const dialect of testDialects()) {
  describe(`the demo password (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect, { demoOrg: "shop" });
    });
    afterAll(() => t.close());

    const session = (headers: Record<string, string> = {}, remoteAddress?: string) =>
      call(t.app, { method: "GET", url: "/api/session", headers, remoteAddress });

    it("is shown to an anonymous visitor on this machine", async () => {
      expect((await session()).body.demo).toEqual({
        email: "demo@comptoir.local",
        password: t.app.demoAccount?.password,
      });
      // The walk sees it there, and only there.
      expect(await walk(t, {})).toEqual(["GET /api/session"]);
    }, 120_000);

    it("is not shown from another machine, nor through a proxy on this one", async () => {
      expect((await session({}, REMOTE)).body.demo).toBeNull();
      expect((await session({ "x-forwarded-for": REMOTE })).body.demo).toBeNull();
      expect((await session({ forwarded: `for=${REMOTE}` })).body.demo).toBeNull();
    });

    it("is not shown to a signed-in member other than the demo owner", async () => {
      const staff = await signIn(t, "staff");
      const manager = await signIn(t, "manager");
      const outsider = await signIn(t, "owner", t.other);
      for (const user of [staff, manager, outsider]) {
        const { body } = await session(user.read);
        expect(body.user.email).toBe(user.email);
        expect(body.demo).toBeNull();
      }
    });

    it("is in no answer of any route from another machine, or to a signed-in non-owner", async () => {
      const staff = await signIn(t, "staff");
      const stranger = await buildUser(t.app);
      await addMembership(t.store, t.other.id, stranger.id, "owner");
      expect(await walk(t, { remoteAddress: REMOTE })).toEqual([]);
      expect(await walk(t, { headers: staff.write })).toEqual([]);
      expect(await walk(t, { headers: stranger.write, remoteAddress: REMOTE })).toEqual([]);
    }, 120_000);

    it("is no longer shown, anywhere, once the demo owner changed it", async () => {
      const demo = t.app.demoAccount;
      if (!demo) throw new Error("not in demo mode");
      await call(t.app, {
        method: "POST",
        url: "/api/auth/request-password-reset",
        headers: { origin: TEST_URL },
        payload: { email: demo.email },
      });
      const row = (await t.store.db
        .selectFrom("verification" as never)
        .select("identifier" as never)
        .execute()) as { identifier: string }[];
      const token = row.map((r) => r.identifier).find((i) => i.startsWith("reset-password:"));
      const reset = await call(t.app, {
        method: "POST",
        url: "/api/auth/reset-password",
        headers: { origin: TEST_URL },
        payload: { token: token?.split(":")[1], newPassword: "my own shop password 9" },
      });
      expect(reset.status).toBe(200);
      expect((await session()).body.demo).toBeNull();
      expect(await walk(t, {})).toEqual([]);
    }, 120_000);
  });

  describe(`without demo mode (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(() => t.close());

    it("shows no demo account to anyone", async () => {
      expect(t.app.demoAccount).toBeNull();
      const { body } = await call(t.app, { method: "GET", url: "/api/session" });
      expect(body.demo).toBeNull();
    });
  });
}
