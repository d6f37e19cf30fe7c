import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { smtpMailer } from "../../mailer.ts";
import { buildTestApp, buildUser, call, signIn, type TestApp } from "../../test-app.ts";

interface Received {
  to: string[];
  body: string;
}

/** A real SMTP server on localhost that keeps what it receives. */
async function startSmtp(): Promise<{
  port: number;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

for (const dialect of testDialects()) {
  describe(`members and invitations (${dialect})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    beforeAll(async () => {
      smtp = await startSmtp();
      t = await buildTestApp(dialect, {
        sendMail: smtpMailer(`smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`),
      });
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
      });
      const mail = smtp.received.find((m) => m.to.includes(invitee.email));
      expect(mail).toBeDefined();
      const secret = /\/invitations\/([\w-]+)/.exec(
        (mail as Received).body.replace(/=\r?\n/g, ""),
      )?.[1];
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
      expect(again.body.error.code).toBe("INVITATION_INVALID");
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
      ) as Received;
      const secret = /\/invitations\/([\w-]+)/.exec(mail.body.replace(/=\r?\n/g, ""))?.[1];
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
  });
}
