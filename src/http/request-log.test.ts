/**
 * No secret in any log line (issue 15). The suite's servers log at debug level to a file
 * (test-app.ts); this test sends every kind of secret the server receives (passwords, the
 * session cookie, invitation and acknowledgement links, API tokens, reset links), then reads
 * that file: the request line of each route is there, and none of the secrets.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../store/test-stores.ts";
import { redactUrl } from "./request-log.ts";
import { makeToken } from "./routes/tokens/test-tokens.ts";
import { buildTestApp, buildUser, call, signIn, TEST_URL, type TestApp } from "./test-app.ts";

describe("redactUrl", () => {
  it.each([
    ["/api/invitations/s3cr3t", undefined, "/api/invitations/[secret]"],
    [
      "/api/invitations/s3cr3t/accept",
      "/api/invitations/:token/accept",
      "/api/invitations/[secret]/accept",
    ],
    ["/invitations/s3cr3t", undefined, "/invitations/[secret]"],
    ["/ack/s3cr3t", "/ack/:token", "/ack/[secret]"],
    [
      "/api/auth/reset-password/s3cr3t?callbackURL=%2Fx",
      "/api/auth/*",
      "/api/auth/reset-password/[secret]?callbackURL=%2Fx",
    ],
    [
      "/api/auth/verify-email?token=s3cr3t&callbackURL=%2F",
      "/api/auth/*",
      "/api/auth/verify-email?token=[secret]&callbackURL=%2F",
    ],
    [
      "/api/orgs/shop/things/s3cr3t",
      "/api/orgs/:org/things/:secret",
      "/api/orgs/shop/things/[secret]",
    ],
    [
      "/api/orgs/shop/customers?q=Dupont&sort=name",
      "/api/orgs/:org/customers",
      "/api/orgs/shop/customers?q=Dupont&sort=name",
    ],
    [
      "/api/orgs/shop/customers/C-12",
      "/api/orgs/:org/customers/:id",
      "/api/orgs/shop/customers/C-12",
    ],
    ["/api/invitations/", undefined, "/api/invitations/"],
  ])("%s (route %s) shows as %s", (url, pattern, shown) => {
    expect(redactUrl(url, pattern)).toBe(shown);
  });
});

interface LogLine {
  msg?: string;
  level: number;
  req?: { method: string; url: string };
}

for (const dialect of testDialects()) {
  describe(`the server log holds no secret (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(() => t.close());

    it("logs the request lines of the routes that receive secrets, and none of the secrets", async () => {
      const secrets: string[] = [];
      const keep = (s: string) => {
        secrets.push(s);
        return s;
      };

      const owner = await signIn(t, "owner");
      keep(owner.password);
      // Sign-up and sign-in: passwords in bodies, session tokens in cookies. The test users
      // are made without the public sign-up (it signs nobody in), and the first account of an
      // instance needs the setup link: once the owner exists, a visitor signs up here.
      const visitor = keep(`Visiteur-${dialect}-${Date.now()}-mot de passe long`);
      const signedUp = await call(t.app, {
        method: "POST",
        url: "/api/auth/sign-up/email",
        headers: { origin: TEST_URL },
        payload: {
          email: `visitor-${dialect}-${Date.now()}@example.test`,
          password: visitor,
          name: "Visiteur",
        },
      });
      expect(signedUp.status).toBe(200);
      const signedIn = await call(t.app, {
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { origin: TEST_URL },
        payload: { email: owner.email, password: owner.password },
      });
      expect(signedIn.status).toBe(200);
      for (const c of [signedIn.headers["set-cookie"]].flat()) {
        keep(decodeURIComponent(String(c).split(";")[0]?.split("=")[1] ?? "").split(".")[0] ?? "");
      }
      keep(decodeURIComponent(owner.read.cookie?.split("=")[1] ?? "").split(".")[0] ?? "");

      // An invitation: its secret in the link, in the preview's and the acceptance's URLs.
      const invitee = `invitee-${dialect}-${Date.now()}@example.test`;
      const invited = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: owner.write,
        payload: { email: invitee, role: "staff" },
      });
      expect(invited.status).toBe(201);
      const invitation = keep(String(invited.body.link).split("/invitations/")[1] ?? "");
      expect(invitation.length).toBeGreaterThan(10);
      await t.app.inject({ method: "GET", url: `/invitations/${invitation}` });
      expect(
        (await call(t.app, { method: "GET", url: `/api/invitations/${invitation}` })).status,
      ).toBe(200);
      const joiner = await buildUser(t.app, { email: invitee });
      keep(joiner.password);
      const accepted = await call(t.app, {
        method: "POST",
        url: `/api/invitations/${invitation}/accept`,
        headers: joiner.write,
      });
      expect(accepted.status).toBe(200);

      // An acknowledgement link, opened and answered.
      const order = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/intake",
        headers: owner.write,
        payload: {
          customer: { new: { name: "Log Customer", email: "log@example.test" } },
          item: "Resoling",
          risks: [{ code: "worn_upper", text: "the upper is worn" }],
          quote: { price: 40 },
        },
      });
      expect(order.status).toBe(201);
      const ackLink = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/intake/${order.body.order.id}/ack-link`,
        headers: owner.write,
        payload: {},
      });
      expect(ackLink.status).toBe(201);
      const ack = keep(String(ackLink.body.link).split("/ack/")[1] ?? "");
      expect((await t.app.inject({ method: "GET", url: `/ack/${ack}` })).statusCode).toBe(200);
      await t.app.inject({
        method: "POST",
        url: `/ack/${ack}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "acknowledged=on",
      });

      // An API token: made, then used.
      const made = await makeToken(t, owner);
      keep(made.token);
      expect(
        (await call(t.app, { method: "GET", url: "/api/session", headers: made.headers })).status,
      ).toBe(200);

      // A password reset, by its link and by its form; then a change.
      const reset = keep(randomUUID().replaceAll("-", ""));
      const now = new Date();
      const at = (d: Date) => (dialect === "postgres" ? d : d.toISOString());
      const db = t.store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      await db
        .insertInto("verification")
        .values({
          id: randomUUID(),
          identifier: `reset-password:${reset}`,
          value: owner.id,
          expiresAt: at(new Date(now.getTime() + 3600_000)),
          createdAt: at(now),
          updatedAt: at(now),
        })
        .execute();
      await t.app.inject({
        method: "GET",
        url: `/api/auth/reset-password/${reset}?callbackURL=${encodeURIComponent("/reset")}`,
      });
      const newPassword = keep("a brand new passphrase for the log");
      const resetDone = await call(t.app, {
        method: "POST",
        url: "/api/auth/reset-password",
        headers: { origin: TEST_URL },
        payload: { token: reset, newPassword },
      });
      expect(resetDone.status).toBe(200);
      await call(t.app, {
        method: "POST",
        url: `/api/auth/reset-password?token=${reset}`,
        headers: { origin: TEST_URL },
        payload: { newPassword: "yet another passphrase here" },
      });

      const text = readFileSync(t.logFile, "utf8");
      const lines = text
        .split("\n")
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as LogLine);
      expect(t.app.log.level).toBe("debug");
      const requested = lines
        .filter((l) => l.msg === "incoming request")
        .map((l) => `${l.req?.method} ${l.req?.url}`);
      for (const line of [
        "POST /api/auth/sign-up/email",
        "POST /api/auth/sign-in/email",
        "POST /api/orgs/shop/invitations",
        "GET /invitations/[secret]",
        "GET /api/invitations/[secret]",
        "POST /api/invitations/[secret]/accept",
        "GET /ack/[secret]",
        "POST /ack/[secret]",
        "POST /api/tokens",
        "GET /api/session",
        "GET /api/auth/reset-password/[secret]?callbackURL=%2Freset",
        "POST /api/auth/reset-password",
        "POST /api/auth/reset-password?token=[secret]",
      ]) {
        expect(requested).toContain(line);
      }
      for (const secret of secrets) {
        expect(secret.length).toBeGreaterThanOrEqual(10);
        expect(text.includes(secret), `a secret is in the log: ${secret.slice(0, 4)}…`).toBe(false);
      }
    });
  });
}
