/**
 * An organization's own mail server, set by an owner in the app: the password never comes
 * back, "send me a test" reaches a real SMTP server started here, the organization's mails go
 * through it, and the outbox page lists each mail with what became of it (held, with its link,
 * while there is no mail server).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp } from "../../test-app.ts";
import { freePort, startSmtp, type TestSmtp, waitFor } from "../../test-smtp.ts";

for (const dialect of testDialects()) {
  describe(`mail settings and the outbox (${dialect})`, () => {
    let t: TestApp;
    let smtp: TestSmtp;
    beforeAll(async () => {
      smtp = await startSmtp(0, { user: "atelier", pass: "smtp-secret-4242" });
      t = await buildTestApp(dialect, { outboxIntervalMs: 100 });
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    const settings = () => ({
      host: "127.0.0.1",
      port: smtp.port,
      username: "atelier",
      password: "smtp-secret-4242",
      sender: "Atelier Shop <atelier@shop.test>",
    });

    it("holds the organization's mails without a mail server, links readable by owners only", async () => {
      const owner = await signIn(t, "owner");
      const invited = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/invitations",
        headers: owner.write,
        payload: { email: "new.hand@example.test", role: "staff" },
      });
      expect(invited.body.mailed).toBe(false);
      const outbox = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/outbox",
        headers: owner.read,
      });
      expect(outbox.body.canSend).toBe(false);
      const mail = outbox.body.items.find((m: { to: string }) => m.to === "new.hand@example.test");
      expect(mail).toMatchObject({ status: "held", sentAt: null });
      expect(mail.text).toContain(invited.body.link);
      const manager = await signIn(t, "manager");
      for (const url of ["/api/orgs/shop/outbox", "/api/orgs/shop/mail-settings"]) {
        const refused = await call(t.app, { method: "GET", url, headers: manager.read });
        expect(refused.status).toBe(403);
      }
      const stranger = await signIn(t, "owner", t.other);
      const hidden = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/outbox",
        headers: stranger.read,
      });
      expect(hidden.status).toBe(404);
    });

    it("retries a failed mail for owners only, and says why a sent one cannot be", async () => {
      const owner = await signIn(t, "owner");
      const outbox = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/outbox",
        headers: owner.read,
      });
      const mail = outbox.body.items[0];
      expect(mail).toMatchObject({ interrupted: 0, attachments: 0, hasHtml: false });
      await t.store.db
        .updateTable("outbox")
        .set({ attempts: 12, last_error: "550 mailbox unavailable" })
        .where("id", "=", mail.id)
        .execute();
      const failed = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/outbox",
        headers: owner.read,
      });
      expect(failed.body.items[0]).toMatchObject({
        status: "failed",
        lastError: "550 mailbox unavailable",
      });
      const manager = await signIn(t, "manager");
      const refused = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/outbox/${mail.id}/retry`,
        headers: manager.write,
      });
      expect(refused.status).toBe(403);
      const missing = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/outbox/999999/retry",
        headers: owner.write,
      });
      expect(missing.status).toBe(404);
      const retried = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/outbox/${mail.id}/retry`,
        headers: owner.write,
      });
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ id: mail.id, attempts: 0, status: "held" });
    });

    it("refuses bad settings naming the field, and managers", async () => {
      const owner = await signIn(t, "owner");
      const bad = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/mail-settings",
        headers: owner.write,
        payload: { ...settings(), sender: "not an address" },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("sender");
      const port = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/mail-settings",
        headers: owner.write,
        payload: { ...settings(), port: 70000 },
      });
      expect(port.body.error.field).toBe("port");
      const manager = await signIn(t, "manager");
      const refused = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/mail-settings",
        headers: manager.write,
        payload: settings(),
      });
      expect(refused.status).toBe(403);
    });

    it("keeps the password secret, sends the owner a test through the server, then the held mails", async () => {
      const owner = await signIn(t, "owner");
      const saved = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/mail-settings",
        headers: owner.write,
        payload: settings(),
      });
      expect(saved.status).toBe(200);
      expect(saved.body.settings).toMatchObject({
        host: "127.0.0.1",
        passwordSet: true,
        username: "atelier",
      });
      const read = await t.app.inject({
        method: "GET",
        url: "/api/orgs/shop/mail-settings",
        headers: owner.read,
      });
      expect(read.body).not.toContain("smtp-secret-4242");
      // Saving again without a password keeps it.
      const { password: _, ...rest } = settings();
      const kept = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/mail-settings",
        headers: owner.write,
        payload: rest,
      });
      expect(kept.body.settings.passwordSet).toBe(true);

      const test = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/mail-settings/test",
        headers: owner.write,
      });
      expect(test.status).toBe(200);
      expect(test.body).toEqual({ sent: true, to: owner.email });
      const arrived = smtp.received.find((m) => m.to.includes(owner.email));
      expect(arrived?.body).toMatch(/Subject: Comptoir: test mail for Shop/);
      expect(arrived?.body).toMatch(/From: Atelier Shop <atelier@shop\.test>/);

      await waitFor(() => smtp.received.some((m) => m.to.includes("new.hand@example.test")));
      const outbox = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/outbox",
        headers: owner.read,
      });
      expect(outbox.body.canSend).toBe(true);
      const mail = (
        await call(t.app, { method: "GET", url: "/api/orgs/shop/outbox", headers: owner.read })
      ).body.items.find((m: { to: string }) => m.to === "new.hand@example.test");
      expect(mail.status).toBe("sent");
    });

    it("says what the mail server answered when the test cannot go", async () => {
      const owner = await signIn(t, "owner");
      const closed = await freePort();
      await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/mail-settings",
        headers: owner.write,
        payload: { ...settings(), port: closed },
      });
      const test = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/mail-settings/test",
        headers: owner.write,
      });
      expect(test.status).toBe(422);
      expect(test.body.error).toMatchObject({ code: "MAIL_NOT_SENT", field: "host" });
      expect(test.body.error.message).toMatch(/ECONNREFUSED|connect/i);
    });
  });
}
