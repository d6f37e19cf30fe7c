/**
 * The outbox grown up (issue 16, item 7): HTML and text bodies, attachments, a dedup key that
 * makes queueing twice a no-op, a Message-ID chosen at queue time and kept across attempts,
 * and an interrupted attempt (crash between the server's answer and our bookkeeping) counted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMailer } from "../../http/mailer.ts";
import { startSmtp, type TestSmtp } from "../../http/test-smtp.ts";
import type { Store } from "../../store/database.ts";
import { claimMail, enqueueMail, listOrgMails, retryMail } from "../../store/outbox-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { deliverOutbox, MAX_MAIL_ATTEMPTS, type SendMail } from "./deliver-outbox.ts";

for (const dialect of testDialects()) {
  describe(`the outbox grown up (${dialect})`, () => {
    let store: Store;
    let smtp: TestSmtp;
    beforeAll(async () => {
      store = await openTestStore(dialect);
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp.close();
      await store.close();
    });

    it("queues the same dedup key once and returns the first mail, per organization", async () => {
      const first = await enqueueMail(store, {
        orgId: "org-a",
        to: "a@example.test",
        subject: "Relance 1",
        text: "first",
        dedupKey: "reminder:F-1:1",
      });
      const again = await enqueueMail(store, {
        orgId: "org-a",
        to: "other@example.test",
        subject: "Relance 1 bis",
        text: "second",
        dedupKey: "reminder:F-1:1",
      });
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, messageId: first.messageId, created: false });
      const rows = await listOrgMails(store, "org-a");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ to: "a@example.test", text: "first" });
      // Another organization may use the same key; mails without a key never collide.
      const elsewhere = await enqueueMail(store, {
        orgId: "org-b",
        to: "b@example.test",
        subject: "Relance 1",
        text: "x",
        dedupKey: "reminder:F-1:1",
      });
      expect(elsewhere.created).toBe(true);
      await enqueueMail(store, { orgId: "org-a", to: "n1@example.test", subject: "s", text: "t" });
      await enqueueMail(store, { orgId: "org-a", to: "n2@example.test", subject: "s", text: "t" });
      expect(await listOrgMails(store, "org-a")).toHaveLength(3);
    });

    it("sends the HTML and text bodies, the attachment and the Message-ID chosen at queue time", async () => {
      const pdf = Buffer.from("%PDF-1.4\n% a tiny test file\n%%EOF\n");
      const queued = await enqueueMail(store, {
        orgId: "org-c",
        to: "rich@example.test",
        subject: "Facture 2026-0001",
        text: "Bonjour, voici la facture.",
        html: "<p>Bonjour, voici <strong>la facture</strong>.</p>",
        dedupKey: "invoice:2026-0001",
        attachments: [
          { filename: "facture-2026-0001.pdf", contentType: "application/pdf", content: pdf },
        ],
      });
      expect(queued.messageId).toMatch(/^<[0-9a-f-]{36}@comptoir\.local>$/);
      await deliverOutbox(store, smtpMailer(smtp.url));
      const got = smtp.received.find((m) => m.to.includes("rich@example.test"));
      expect(got).toBeDefined();
      const body = got?.body ?? "";
      expect(body).toContain(`Message-ID: ${queued.messageId}`);
      expect(body).toContain("Content-Type: text/plain");
      expect(body).toContain("Content-Type: text/html");
      expect(body).toContain("<strong>la facture</strong>");
      expect(body).toMatch(/filename=facture-2026-0001\.pdf/);
      expect(body).toContain(pdf.toString("base64").slice(0, 20));
      const [row] = await listOrgMails(store, "org-c");
      expect(row?.sentAt).not.toBeNull();
      expect(row?.attachmentCount).toBe(1);
    });

    it("counts an attempt that died before its bookkeeping and resends with the same Message-ID", async () => {
      const queued = await enqueueMail(store, {
        orgId: "org-d",
        to: "crash@example.test",
        subject: "s",
        text: "t",
      });
      // A run claimed it and died (no sent, no failure recorded); its claim has run out.
      const past = new Date(Date.now() - 3_600_000);
      expect(await claimMail(store, queued.id, past, past)).toBe(true);
      const ids: string[] = [];
      const send: SendMail = async (mail) => {
        if (mail.to === "crash@example.test") ids.push(mail.messageId ?? "");
      };
      await deliverOutbox(store, send);
      expect(ids).toEqual([queued.messageId]);
      const [row] = await listOrgMails(store, "org-d");
      expect(row).toMatchObject({ interrupted: 1 });
      expect(row?.sentAt).not.toBeNull();
    });

    it("lets an owner retry a failed mail: its attempts start over", async () => {
      const queued = await enqueueMail(store, {
        orgId: "org-e",
        to: "refused@example.test",
        subject: "s",
        text: "t",
      });
      await store.db
        .updateTable("outbox")
        .set({ attempts: MAX_MAIL_ATTEMPTS, last_error: "550 no such user" })
        .where("id", "=", queued.id)
        .execute();
      expect(await retryMail(store, "org-x", queued.id)).toBe(false);
      expect(await retryMail(store, "org-e", queued.id)).toBe(true);
      const [row] = await listOrgMails(store, "org-e");
      expect(row?.attempts).toBe(0);
      await deliverOutbox(store, smtpMailer(smtp.url));
      expect(smtp.received.some((m) => m.to.includes("refused@example.test"))).toBe(true);
      expect(await retryMail(store, "org-e", queued.id)).toBe(false);
    });
  });
}
