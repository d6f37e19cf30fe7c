/**
 * The public sign-up and what follows it, through the HTTP routes on a real database: the
 * setup token of an empty instance, invite mode, the verification and reset links (mailed
 * through the outbox, printed on the console without a mail server; each works once and
 * expires), rate limits, weak passwords, and answers that never tell whether an address has
 * an account.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCharter } from "../../store/charter-repository.ts";
import { findUserByEmail } from "../../store/membership-repository.ts";
import { findOrganization } from "../../store/organization-repository.ts";
import { testDialects } from "../../store/test-stores.ts";
import { buildTestApp, buildUser, call, TEST_URL, type TestApp } from "../test-app.ts";

const SECRET = "test-secret-test-secret-test-secret-123";
const workshop = {
  name: "Atelier Éloïse",
  trade: "cordonnerie",
  lang: "fr",
  currency: "CHF",
  timeZone: "Europe/Zurich",
};

const cookieOf = (headers: Record<string, unknown>) =>
  [headers["set-cookie"]]
    .flat()
    .filter(Boolean)
    .map((c) => String(c).split(";")[0])
    .join("; ");

/** The token of the last link to `page` printed on the console. */
function lastLink(lines: string[], page: string): string {
  const found = lines
    .flatMap((l) => [...l.matchAll(new RegExp(`/${page}\\?token=([^\\s]+)`, "g"))])
    .at(-1);
  if (!found?.[1]) throw new Error(`no ${page} link in:\n${lines.join("")}`);
  return decodeURIComponent(found[1]);
}

function post(t: TestApp, url: string, payload: unknown, extra: Record<string, string> = {}) {
  return call(t.app, {
    method: "POST",
    url,
    headers: { origin: TEST_URL, ...extra },
    payload: payload as Record<string, unknown>,
  });
}

/** A verification token signed like better-auth's, expired an hour ago. */
function expiredVerificationToken(email: string, userId: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const head = `${part({ alg: "HS256" })}.${part({ email, userId, iat: now - 90_000, exp: now - 3600 })}`;
  return `${head}.${createHmac("sha256", SECRET).update(head).digest("base64url")}`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

for (const dialect of testDialects()) {
  describe(`the first account, with the setup token (${dialect})`, () => {
    let t: TestApp;
    const lines: string[] = [];
    beforeAll(async () => {
      t = await buildTestApp(dialect, { signUp: "invite", notice: (l) => lines.push(l) });
    });
    afterAll(() => t.close());

    it("prints a setup link at start and refuses the public sign-up until it is used", async () => {
      expect(lines.join("")).toMatch(/\/setup\?token=/);
      const refused = await post(t, "/api/auth/sign-up/email", {
        name: "Zoé",
        email: "zoe@atelier.test",
        password: "correct horse battery",
      });
      // Invite mode says so first: it holds after the setup too.
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("SIGN_UP_CLOSED");
      expect(refused.body.error.message).toMatch(/invitation/);
    });

    it("refuses a wrong token and a weak password, creating nothing", async () => {
      const token = lastLink(lines, "setup");
      const account = {
        name: "Éloïse",
        email: "eloise@atelier.test",
        password: "correct horse battery",
      };
      const wrong = await post(t, "/api/setup", {
        token: `${token}x`,
        account,
        organization: workshop,
      });
      expect(wrong.status).toBe(404);
      expect(wrong.body.error.code).toBe("SETUP_TOKEN_INVALID");
      const weak = await post(t, "/api/setup", {
        token,
        account: { ...account, password: "azerty123" },
        organization: workshop,
      });
      expect(weak.status).toBe(400);
      expect(weak.body.error).toMatchObject({ code: "WEAK_PASSWORD", field: "password" });
      const badZone = await post(t, "/api/setup", {
        token,
        account,
        organization: { ...workshop, timeZone: "Mars/Olympus" },
      });
      expect(badZone.body.error).toMatchObject({ code: "BAD_INPUT", field: "timeZone" });
      expect(await findUserByEmail(t.store, account.email)).toBeUndefined();
    });

    it("creates the owner and the workshop once, signed in, address verified", async () => {
      const token = lastLink(lines, "setup");
      const account = {
        name: "Éloïse",
        email: "eloise@atelier.test",
        password: "correct horse battery",
      };
      const done = await post(t, "/api/setup", { token, account, organization: workshop });
      expect(done.status).toBe(201);
      expect(done.body.organization).toMatchObject({ slug: "atelier-eloise", role: "owner" });
      const org = await findOrganization(t.store, "atelier-eloise");
      expect(org).toMatchObject({
        name: "Atelier Éloïse",
        trade: "cordonnerie",
        time_zone: "Europe/Zurich",
      });
      expect((await getCharter(t.store, org?.id ?? "")).currency).toBe("CHF");
      const session = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: { cookie: cookieOf(done.headers) },
      });
      expect(session.body.user).toMatchObject({ email: account.email, emailVerified: true });
      expect(session.body.instance).toEqual({ setup: false, signUp: "invite" });
      const again = await post(t, "/api/setup", {
        token,
        account: { ...account, email: "intruder@atelier.test" },
        organization: workshop,
      });
      expect(again.body.error.code).toBe("SETUP_TOKEN_INVALID");
    });
  });

  describe(`sign-up, verification and reset without a mail server (${dialect})`, () => {
    let t: TestApp;
    const lines: string[] = [];
    beforeAll(async () => {
      t = await buildTestApp(dialect, {
        notice: (l) => lines.push(l),
        signUpLimits: { perAddress: 1000, perDomain: 1000 },
        logger: process.env.DEBUG_SIGNUP === "1",
      });
      await buildUser(t.app); // the instance is set up
    });
    afterAll(() => t.close());

    it("refuses weak and common passwords, naming the field", async () => {
      for (const password of ["password", "azerty123", "motdepasse", "soleil123", "12345678"]) {
        const { status, body } = await post(t, "/api/auth/sign-up/email", {
          name: "Nadia Martin",
          email: "nadia.martin@atelier.test",
          password,
        });
        expect({ password, status }).toEqual({ password, status: 400 });
        expect(body.error).toMatchObject({ code: "WEAK_PASSWORD", field: "password" });
      }
      expect(await findUserByEmail(t.store, "nadia.martin@atelier.test")).toBeUndefined();
    });

    it("creates an unverified account, mails and prints its link, which verifies once and signs in", async () => {
      const email = "paul@atelier.test";
      const answer = await post(t, "/api/auth/sign-up/email", {
        name: "Paul",
        email,
        password: "correct horse battery",
      });
      expect(answer.status).toBe(200);
      expect(answer.body.token).toBeNull();
      expect(cookieOf(answer.headers)).toBe("");
      await t.app.settleSignUps();
      const mail = await t.store.db
        .selectFrom("outbox")
        .selectAll()
        .where("to", "=", email)
        .executeTakeFirst();
      expect(mail?.subject).toBe("Confirmez votre adresse e-mail pour Comptoir");
      const token = lastLink(lines, "verify-email");
      expect(mail?.text).toContain(`/verify-email?token=${encodeURIComponent(token)}`);

      const verified = await post(t, "/api/account/verify-email", { token });
      expect(verified.status).toBe(200);
      const session = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: { cookie: cookieOf(verified.headers) },
      });
      expect(session.body.user).toMatchObject({ email, emailVerified: true });
      const twice = await post(t, "/api/account/verify-email", { token });
      expect(twice.status).toBe(410);
      expect(twice.body.error).toMatchObject({ code: "LINK_INVALID", field: "token" });
    });

    it("refuses an expired or forged verification link", async () => {
      const email = "late@atelier.test";
      await post(t, "/api/auth/sign-up/email", {
        name: "Late",
        email,
        password: "correct horse battery",
      });
      const user = await findUserByEmail(t.store, email);
      const expired = await post(t, "/api/account/verify-email", {
        token: expiredVerificationToken(email, user?.id ?? ""),
      });
      expect(expired.status).toBe(410);
      expect(expired.body.error.code).toBe("LINK_INVALID");
      const forged = await post(t, "/api/account/verify-email", { token: "abc.def.ghi" });
      expect(forged.body.error.code).toBe("LINK_INVALID");
    });

    it("resets a password once through the printed link, ending the old sessions", async () => {
      const user = await buildUser(t.app, { verified: false });
      const unknown = await post(t, "/api/auth/request-password-reset", {
        email: "nobody@atelier.test",
      });
      const known = await post(t, "/api/auth/request-password-reset", { email: user.email });
      expect(known.status).toBe(200);
      expect(known.body).toEqual(unknown.body);
      const token = lastLink(lines, "reset-password");
      const weak = await post(t, "/api/auth/reset-password", { token, newPassword: "password1" });
      expect(weak.body.error).toMatchObject({ code: "WEAK_PASSWORD", field: "newPassword" });
      const done = await post(t, "/api/auth/reset-password", {
        token,
        newPassword: "new saddle stitch 42",
      });
      expect(done.status).toBe(200);
      const old = await call(t.app, { method: "GET", url: "/api/session", headers: user.read });
      expect(old.body.user).toBeNull();
      const signIn = await post(t, "/api/auth/sign-in/email", {
        email: user.email,
        password: "new saddle stitch 42",
      });
      expect(signIn.status).toBe(200);
      // The link reached the mailbox: the address is now verified.
      expect(signIn.body.user.emailVerified).toBe(true);
      const twice = await post(t, "/api/auth/reset-password", {
        token,
        newPassword: "another saddle 43",
      });
      expect(twice.status).toBe(410);
      expect(twice.body.error.code).toBe("LINK_INVALID");
    });

    it("refuses an expired reset link", async () => {
      const user = await buildUser(t.app);
      await post(t, "/api/auth/request-password-reset", { email: user.email });
      const token = lastLink(lines, "reset-password");
      await t.store.db
        .updateTable("verification" as never)
        .set({
          expiresAt: dialect === "sqlite" ? new Date(Date.now() - 1000).toISOString() : new Date(0),
        } as never)
        .where("identifier" as never, "=", `reset-password:${token}` as never)
        .execute();
      const late = await post(t, "/api/auth/reset-password", {
        token,
        newPassword: "new saddle stitch 42",
      });
      expect(late.status).toBe(410);
    });

    it("answers a taken address as a new one, in the same time, and tells the owner by mail", async () => {
      const taken = await buildUser(t.app, { name: "Taken" });
      const attempt = (email: string) =>
        post(t, "/api/auth/sign-up/email", {
          name: "Someone",
          email,
          password: "correct horse battery",
        });
      const first = await attempt(taken.email);
      const fresh = await attempt("fresh-0@atelier.test");
      expect(first.status).toBe(fresh.status);
      expect(Object.keys(first.body).sort()).toEqual(Object.keys(fresh.body).sort());
      expect(Object.keys(first.body.user).sort()).toEqual(Object.keys(fresh.body.user).sort());
      expect(first.body.user).toMatchObject({
        email: taken.email,
        emailVerified: false,
        name: "Someone",
      });
      await t.app.settleSignUps();
      const warned = await t.store.db
        .selectFrom("outbox")
        .select("subject")
        .where("to", "=", taken.email)
        .execute();
      expect(warned.map((m) => m.subject)).toContain(
        "Quelqu'un a voulu créer un compte Comptoir avec votre adresse",
      );
      const timeOf = async (email: string) => {
        const start = process.hrtime.bigint();
        await attempt(email);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        await t.app.settleSignUps();
        return ms;
      };
      const takenTimes: number[] = [];
      const newTimes: number[] = [];
      for (let i = 1; i <= 50; i++) {
        takenTimes.push(await timeOf(taken.email));
        newTimes.push(await timeOf(`fresh-${i}@atelier.test`));
      }
      expect(Math.abs(median(takenTimes) - median(newTimes))).toBeLessThan(20);
      // Every one of them was answered, and none created a second account for the address.
      const accounts = await t.store.db
        .selectFrom("user")
        .select("id")
        .where("email", "=", taken.email)
        .execute();
      expect(accounts).toHaveLength(1);
    }, 400_000);
  });

  describe(`sign-up limits (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect, { signUpLimits: { perAddress: 3, perDomain: 2 } });
      await buildUser(t.app);
    });
    afterAll(() => t.close());

    const signUp = (email: string, ip: string) =>
      call(t.app, {
        method: "POST",
        url: "/api/auth/sign-up/email",
        headers: { origin: TEST_URL },
        remoteAddress: ip,
        payload: { name: "Someone", email, password: "correct horse battery" },
      });

    it("limits sign-ups per network address", async () => {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await signUp(`ip${i}@gmail.com`, "198.51.100.1")).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const last = await signUp("ip9@gmail.com", "198.51.100.1");
      expect(last.body.error).toMatchObject({ code: "RATE_LIMITED", field: "email" });
      expect((await signUp("other@gmail.com", "198.51.100.2")).status).toBe(200);
    });

    it("limits sign-ups per e-mail domain from many addresses, public providers exempt", async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await signUp(`d${i}@spam.test`, `203.0.113.${i}`)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const publicStatuses = [];
      for (let i = 0; i < 3; i++) {
        publicStatuses.push((await signUp(`p${i}@orange.fr`, `192.0.2.${i}`)).status);
      }
      expect(publicStatuses).toEqual([200, 200, 200]);
    });
  });
}
