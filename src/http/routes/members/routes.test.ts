import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVITATION_DAYS } from "../../../app/accounts/invite-member.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { smtpMailer } from "../../mailer.ts";
import {
  buildTestApp,
  buildUser,
  call,
  signIn,
  type TestApp,
  type TestUser,
} from "../../test-app.ts";
import {
  freePort,
  invitationSecret,
  type ReceivedMail,
  smtpUrl,
  startSmtp,
  type TestSmtp,
  waitFor,
} from "../../test-smtp.ts";

for (const dialect of testDialects()) {
  describe(`members and invitations (${dialect})`, () => {
    let t: TestApp;
    let smtp: TestSmtp;
    beforeAll(async () => {
      smtp = await startSmtp();
      t = await buildTestApp(dialect, { sendMail: smtpMailer(smtp.url) });
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    it("invites by e-mail through SMTP; the invitee accepts the link and joins with the role", async () => {
      const owner = await signIn(t, "owner");
      const invitee = await buildUser(t.app);
      const invited = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: owner.write,
        payload: { email: invitee.email.toUpperCase(), role: "manager" },
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({
        email: invitee.email,
        role: "manager",
        status: "pending",
        // Mailed: the link is not handed to the inviter.
        link: null,
        mailed: true,
      });
      const mail = smtp.received.find((m) => m.to.includes(invitee.email));
      expect(mail).toBeDefined();
      const secret = invitationSecret((mail as ReceivedMail).body);
      expect(secret).toBeTruthy();

      const accepted = await call(t.app, {
        method: "POST",
        url: `/api/invitations/${secret}/accept`,
        headers: invitee.write,
      });
      expect(accepted).toMatchObject({ status: 200, body: { org: "shop", role: "manager" } });
      const again = await call(t.app, {
        method: "POST",
        url: `/api/invitations/${secret}/accept`,
        headers: invitee.write,
      });
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe("INVITATION_EXPIRED");
      expect(again.body.error.message).toMatch(/already used/);
      const list = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/members",
        headers: invitee.read,
      });
      expect(list.body.items.map((m: { email: string }) => m.email)).toContain(invitee.email);
    });

    it("refuses an invitation accepted by someone signed in with another address", async () => {
      const owner = await signIn(t, "owner");
      const stranger = await buildUser(t.app);
      await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: owner.write,
        payload: { email: "someone-else@example.test", role: "staff" },
      });
      const mail = smtp.received.find((m) =>
        m.to.includes("someone-else@example.test"),
      ) as ReceivedMail;
      const secret = invitationSecret(mail.body);
      const accepted = await call(t.app, {
        method: "POST",
        url: `/api/invitations/${secret}/accept`,
        headers: stranger.write,
      });
      expect(accepted.status).toBe(404);
      expect(accepted.body.error.code).toBe("INVITATION_INVALID");
    });

    it("names the field of a bad invitation", async () => {
      const owner = await signIn(t, "owner");
      const bad = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: owner.write,
        payload: { email: "not-an-email", role: "boss" },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("BAD_INPUT");
      expect(bad.body.error.message).toMatch(/email/);
      expect(bad.body.error.message).toMatch(/role/);
    });

    it.each([
      ["manager", 403],
      ["staff", 403],
    ] as const)("refuses invitations from a %s (%i)", async (role, status) => {
      const user = await signIn(t, role);
      const res = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: user.write,
        payload: { email: "x@example.test", role: "staff" },
      });
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe("FORBIDDEN");
    });

    it("lets managers list members but not staff", async () => {
      const manager = await signIn(t, "manager");
      const staff = await signIn(t, "staff");
      expect(
        (await call(t.app, { method: "GET", url: "/api/orgs/shop/members", headers: manager.read }))
          .status,
      ).toBe(200);
      expect(
        (await call(t.app, { method: "GET", url: "/api/orgs/shop/members", headers: staff.read }))
          .status,
      ).toBe(403);
    });

    it("lets an owner change a role and remove a member, but never the last owner", async () => {
      const owner = await signIn(t, "owner", t.other);
      const staff = await signIn(t, "staff", t.other);
      const promote = await call(t.app, {
        method: "PATCH",
        url: `/api/orgs/rival/members/${staff.id}`,
        headers: owner.write,
        payload: { role: "manager" },
      });
      expect(promote.status).toBe(204);
      const demoteSelf = await call(t.app, {
        method: "PATCH",
        url: `/api/orgs/rival/members/${owner.id}`,
        headers: owner.write,
        payload: { role: "staff" },
      });
      expect(demoteSelf.status).toBe(409);
      expect(demoteSelf.body.error.code).toBe("LAST_OWNER");
      const removeSelf = await call(t.app, {
        method: "DELETE",
        url: `/api/orgs/rival/members/${owner.id}`,
        headers: owner.write,
      });
      expect(removeSelf.body.error.code).toBe("LAST_OWNER");
      const remove = await call(t.app, {
        method: "DELETE",
        url: `/api/orgs/rival/members/${staff.id}`,
        headers: owner.write,
      });
      expect(remove.status).toBe(204);
      const session = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: staff.read,
      });
      expect(session.body.organizations).toEqual([]);
    });

    it("answers 404 for another organization's member and for an organization one is not in", async () => {
      const owner = await signIn(t, "owner");
      const rivalStaff = await signIn(t, "staff", t.other);
      const res = await call(t.app, {
        method: "DELETE",
        url: `/api/orgs/shop/members/${rivalStaff.id}`,
        headers: owner.write,
      });
      expect(res.status).toBe(404);
      const foreign = await call(t.app, {
        method: "GET",
        url: "/api/orgs/rival/members",
        headers: owner.read,
      });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe("ORGANIZATION_NOT_FOUND");
    });

    it("answers 401 without a session", async () => {
      const res = await call(t.app, { method: "GET", url: "/api/orgs/shop/members" });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
    });

    it("refuses cookie-authenticated writes without the CSRF header or from another origin", async () => {
      const owner = await signIn(t, "owner");
      const payload = { email: "csrf@example.test", role: "staff" };
      const url = "/api/orgs/shop/invitations";
      const noHeader = await call(t.app, { method: "POST", url, headers: owner.read, payload });
      expect(noHeader.status).toBe(403);
      expect(noHeader.body.error.code).toBe("CSRF_REJECTED");
      const evil = await call(t.app, {
        method: "POST",
        url,
        headers: { ...owner.write, origin: "https://evil.example" },
        payload,
      });
      expect(evil.body.error.code).toBe("CSRF_REJECTED");
    });

    it("revokes a pending invitation", async () => {
      const owner = await signIn(t, "owner");
      const inv = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: owner.write,
        payload: { email: "revoke@example.test", role: "staff" },
      });
      const url = `/api/orgs/shop/invitations/${inv.body.id}`;
      expect((await call(t.app, { method: "DELETE", url, headers: owner.write })).status).toBe(204);
      expect((await call(t.app, { method: "DELETE", url, headers: owner.write })).status).toBe(404);
    });

    const invite = (user: TestUser, email: string, role = "staff", org = "shop") =>
      call(t.app, {
        method: "POST",
        url: `/api/orgs/${org}/invitations`,
        headers: user.write,
        payload: { email, role },
      });
    const secretSentTo = (email: string) => {
      const mail = smtp.received.findLast((m) => m.to.includes(email));
      const secret = mail && invitationSecret(mail.body);
      if (!secret) throw new Error(`no invitation mailed to ${email}`);
      return secret;
    };

    it("answers 401 to an anonymous invitation and 404 to a non-member's", async () => {
      const anonymous = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        payload: { email: "anon@example.test", role: "staff" },
      });
      expect(anonymous.status).toBe(401);
      const rivalOwner = await signIn(t, "owner", t.other);
      const foreign = await invite(rivalOwner, "foreign@example.test");
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe("ORGANIZATION_NOT_FOUND");
    });

    it("guards revoking: 401 anonymous, 403 for a manager, 404 for another organization's invitation", async () => {
      const owner = await signIn(t, "owner");
      const manager = await signIn(t, "manager");
      const rivalOwner = await signIn(t, "owner", t.other);
      const ours = await invite(owner, "revoke-guard@example.test");
      const theirs = await invite(rivalOwner, "rival-invitee@example.test", "staff", "rival");
      const url = (id: string) => `/api/orgs/shop/invitations/${id}`;
      expect((await call(t.app, { method: "DELETE", url: url(ours.body.id) })).status).toBe(401);
      const byManager = await call(t.app, {
        method: "DELETE",
        url: url(ours.body.id),
        headers: manager.write,
      });
      expect(byManager.status).toBe(403);
      const foreign = await call(t.app, {
        method: "DELETE",
        url: url(theirs.body.id),
        headers: owner.write,
      });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.field).toBe("id");
      // Still pending in the rival organization.
      const rivalList = await call(t.app, {
        method: "GET",
        url: "/api/orgs/rival/members",
        headers: rivalOwner.read,
      });
      expect(rivalList.body.invitations.map((i: { id: string }) => i.id)).toContain(theirs.body.id);
    });

    it("guards role changes: 400 naming the role, 401, 403 for managers and staff, 404 for a non-member", async () => {
      const owner = await signIn(t, "owner");
      const manager = await signIn(t, "manager");
      const staff = await signIn(t, "staff");
      const stranger = await buildUser(t.app);
      const patch = (user: TestUser | null, userId: string, role: string) =>
        call(t.app, {
          method: "PATCH",
          url: `/api/orgs/shop/members/${userId}`,
          headers: user?.write ?? {},
          payload: { role },
        });
      const bad = await patch(owner, staff.id, "boss");
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: "BAD_INPUT", field: "role" });
      expect((await patch(null, staff.id, "manager")).status).toBe(401);
      for (const user of [manager, staff]) {
        const refused = await patch(user, staff.id, "manager");
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe("FORBIDDEN");
      }
      const missing = await patch(owner, stranger.id, "manager");
      expect(missing.status).toBe(404);
      expect(missing.body.error.field).toBe("userId");
      const members = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/members",
        headers: owner.read,
      });
      const roleOf = (id: string) =>
        members.body.items.find((m: { userId: string }) => m.userId === id)?.role;
      expect(roleOf(staff.id)).toBe("staff");
    });

    it("guards removal: 401 anonymous, 403 for managers and staff", async () => {
      const manager = await signIn(t, "manager");
      const staff = await signIn(t, "staff");
      const url = `/api/orgs/shop/members/${staff.id}`;
      expect((await call(t.app, { method: "DELETE", url })).status).toBe(401);
      for (const user of [manager, staff]) {
        const refused = await call(t.app, { method: "DELETE", url, headers: user.write });
        expect(refused.status).toBe(403);
      }
      const session = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: staff.read,
      });
      expect(session.body.organizations.map((o: { slug: string }) => o.slug)).toEqual(["shop"]);
    });

    it("asks an anonymous caller to sign in before accepting (401)", async () => {
      const owner = await signIn(t, "owner");
      await invite(owner, "anon-accept@example.test");
      const res = await call(t.app, {
        method: "POST",
        url: `/api/invitations/${secretSentTo("anon-accept@example.test")}/accept`,
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
    });

    it("refuses an invitation once its 7 days are over, saying it expired", async () => {
      const owner = await signIn(t, "owner");
      const invitee = await buildUser(t.app);
      const created = await invite(owner, invitee.email, "manager");
      const { createdAt, expiresAt } = created.body;
      expect(Date.parse(expiresAt) - Date.parse(createdAt)).toBe(INVITATION_DAYS * 86_400_000);
      expect(INVITATION_DAYS).toBe(7);
      // The clock moves on: make the invitation a second past its last day.
      await t.store.db
        .updateTable("invitations")
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where("id", "=", created.body.id)
        .execute();
      const secret = secretSentTo(invitee.email);
      const res = await call(t.app, {
        method: "POST",
        url: `/api/invitations/${secret}/accept`,
        headers: invitee.write,
      });
      expect(res.status).toBe(410);
      expect(res.body.error).toMatchObject({ code: "INVITATION_EXPIRED" });
      expect(res.body.error.message).toMatch(/expired/);
      const preview = await call(t.app, { method: "GET", url: `/api/invitations/${secret}` });
      expect(preview.body.state).toBe("expired");
      const session = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: invitee.read,
      });
      expect(session.body.organizations).toEqual([]);
    });

    it("shows whoever holds the link the organization, role, state and whether the address has an account", async () => {
      const owner = await signIn(t, "owner");
      const existing = await buildUser(t.app);
      await invite(owner, "no-account-yet@example.test", "staff");
      await invite(owner, existing.email, "manager");
      const fresh = await call(t.app, {
        method: "GET",
        url: `/api/invitations/${secretSentTo("no-account-yet@example.test")}`,
      });
      expect(fresh).toMatchObject({
        status: 200,
        body: {
          email: "no-account-yet@example.test",
          role: "staff",
          organization: { slug: "shop", name: "Shop" },
          state: "pending",
          accountExists: false,
        },
      });
      const secret = secretSentTo(existing.email);
      const known = await call(t.app, { method: "GET", url: `/api/invitations/${secret}` });
      expect(known.body).toMatchObject({ role: "manager", accountExists: true });
      await call(t.app, {
        method: "POST",
        url: `/api/invitations/${secret}/accept`,
        headers: existing.write,
      });
      const used = await call(t.app, { method: "GET", url: `/api/invitations/${secret}` });
      expect(used.body.state).toBe("accepted");
      const unknown = await call(t.app, {
        method: "GET",
        url: "/api/invitations/not-a-real-secret-at-all",
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe("INVITATION_INVALID");
    });
  });
}

for (const dialect of testDialects()) {
  describe(`invitations without a mail server, in demo mode (${dialect})`, () => {
    let t: TestApp;
    const console: string[] = [];
    beforeAll(async () => {
      t = await buildTestApp(dialect, { demoOrg: "shop", notice: (line) => console.push(line) });
    });
    afterAll(() => t.close());

    it("hands the link to the inviter once and prints it on the console; the link works", async () => {
      const owner = await signIn(t, "owner");
      const invited = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: owner.write,
        payload: { email: "newcomer@example.test", role: "staff" },
      });
      expect(invited.status).toBe(201);
      expect(invited.body.mailed).toBe(false);
      expect(invited.body.link).toMatch(/^http:\/\/localhost:3000\/invitations\/[\w-]{20,}$/);
      expect(console.join("")).toContain(invited.body.link);
      expect(console.join("")).toContain("newcomer@example.test");
      const list = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/members",
        headers: owner.read,
      });
      expect(JSON.stringify(list.body)).not.toContain(invitationSecret(invited.body.link));

      const newcomer = await buildUser(t.app, { email: "newcomer@example.test" });
      const accepted = await call(t.app, {
        method: "POST",
        url: `/api/invitations/${invitationSecret(invited.body.link)}/accept`,
        headers: newcomer.write,
      });
      expect(accepted).toMatchObject({ status: 200, body: { org: "shop", role: "staff" } });
      const queued = await t.store.db.selectFrom("outbox").select("sent_at").execute();
      expect(queued.every((m) => m.sent_at === null)).toBe(true);
    });
  });
}

for (const dialect of testDialects()) {
  describe(`invitations while the mail server is down (${dialect})`, () => {
    let t: TestApp;
    let port: number;
    let smtp: TestSmtp | undefined;
    beforeAll(async () => {
      port = await freePort();
      t = await buildTestApp(dialect, {
        sendMail: smtpMailer(smtpUrl(port)),
        outboxIntervalMs: 50,
      });
    });
    afterAll(async () => {
      await t.close();
      await smtp?.close();
    });

    it("queues the invitation and the background loop mails it once the server is up", async () => {
      const owner = await signIn(t, "owner");
      const invited = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: owner.write,
        payload: { email: "patient@example.test", role: "manager" },
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ mailed: true, link: null });
      const failed = await t.store.db
        .selectFrom("outbox")
        .select(["attempts", "last_error", "sent_at"])
        .executeTakeFirstOrThrow();
      expect(failed.sent_at).toBeNull();
      expect(Number(failed.attempts)).toBeGreaterThanOrEqual(1);

      const server = await startSmtp(port);
      smtp = server;
      await waitFor(() => server.received.some((m) => m.to.includes("patient@example.test")));
      const mail = server.received.find((m) => m.to.includes("patient@example.test"));
      expect(invitationSecret(mail?.body ?? "")).toBeTruthy();
      const sentAt = async () =>
        (await t.store.db.selectFrom("outbox").select("sent_at").executeTakeFirstOrThrow()).sent_at;
      for (let i = 0; i < 100 && (await sentAt()) === null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(await sentAt()).not.toBeNull();
      expect(server.received.filter((m) => m.to.includes("patient@example.test"))).toHaveLength(1);
    });
  });
}
