/**
 * The reminder schedule end to end, against a fake clock (`asOf`): each level at its day, each
 * stop and pause, the formal notice waiting for a confirmation, the claim that keeps two runs
 * from queueing twice, and a real SMTP server receiving each level in the customer's language,
 * with the amounts as people write them and the PDF letter attached; the `reminder` fact is
 * appended only once the server accepted the mail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMailer } from "../../http/mailer.ts";
import { startSmtp, type TestSmtp } from "../../http/test-smtp.ts";
import type { Store } from "../../store/database.ts";
import { findFact } from "../../store/fact-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { listOrgMails } from "../../store/outbox-repository.ts";
import { listSteps } from "../../store/reminder-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { deliverOutbox } from "../mail/deliver-outbox.ts";
import {
  confirmFormalNotice,
  endReminderPause,
  pauseReminders,
  sendReminderNow,
} from "./act-on-reminder.ts";
import { runReminders } from "./run-reminders.ts";
import { addFacts, customerFact, DAY, DUE, invoiceFact, reminderOrg } from "./test-reminders.ts";

const on = (days: number) => DUE + days * DAY + 9 * 3_600_000;
const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

for (const dialect of testDialects()) {
  describe(`reminder runs (${dialect})`, () => {
    let store: Store;
    let smtp: TestSmtp;
    let org: Organization;
    beforeAll(async () => {
      store = await openTestStore(dialect);
      smtp = await startSmtp();
      org = await reminderOrg(store, "lune");
      await addFacts(store, org, [
        customerFact("fr-biz", { kind: "business", lang: "fr", name: "Menuiserie Duval" }),
        customerFact("en-person", { lang: "en", name: "Jane Smith" }),
        customerFact("paid"),
        customerFact("credited"),
        customerFact("complains"),
        customerFact("paused-inv"),
        customerFact("paused-cust"),
        customerFact("no-mail", { email: null }),
        invoiceFact("F-1", "fr-biz", 123_450),
        {
          type: "payment",
          id: "p-1",
          at: DUE - 5 * DAY,
          customer: "fr-biz",
          invoice: "F-1",
          amount: 23_450,
        },
        invoiceFact("F-2", "en-person", 98_000),
        invoiceFact("F-3", "paid", 10_000),
        {
          type: "payment",
          id: "p-3",
          at: DUE + 3 * DAY,
          customer: "paid",
          invoice: "F-3",
          amount: 10_000,
        },
        invoiceFact("F-4", "credited", 10_000),
        {
          type: "payment",
          id: "p-4",
          at: DUE + 1 * DAY,
          customer: "credited",
          invoice: "F-4",
          amount: 6_000,
        },
        {
          type: "credit_note",
          id: "c-4",
          at: DUE + 2 * DAY,
          customer: "credited",
          invoice: "F-4",
          amount: 4_000,
        },
        {
          type: "order",
          id: "o-5",
          at: DUE - 40 * DAY,
          customer: "complains",
          price: 50_000,
          list_price: 50_000,
        },
        invoiceFact("F-5", "complains", 50_000, "o-5"),
        {
          type: "complaint",
          id: "k-5",
          at: DUE + 2 * DAY,
          customer: "complains",
          order: "o-5",
          text: "Couture défaite",
        },
        invoiceFact("F-6", "paused-inv", 20_000),
        invoiceFact("F-7", "paused-cust", 30_000),
        invoiceFact("F-8", "no-mail", 40_000),
      ] as never);
    });
    afterAll(async () => {
      await smtp.close();
      await store.close();
    });
    const lastTo = (to: string) =>
      [...smtp.received].reverse().find((m) => m.to.includes(to))?.body ?? "";

    it("queues nothing before level 1's day, then level 1 on due + 7 days, never twice", async () => {
      const early = await runReminders(store, org, { asOf: on(6) });
      expect(early.counts.queued).toBe(0);
      await pauseReminders(
        store,
        org,
        "owner-1",
        {
          scope: "invoice",
          target: "F-6",
          reason: "Le client a promis un virement",
          until: "2026-03-20",
        },
        on(6),
      );
      await pauseReminders(
        store,
        org,
        "owner-1",
        {
          scope: "customer",
          target: "paused-cust",
          reason: "Règlement en trois fois convenu",
          until: "2026-12-31",
        },
        on(6),
      );
      const dry = await runReminders(store, org, { asOf: on(7), dryRun: true, details: true });
      expect(dry.due.map((d) => d.invoice).sort()).toEqual(["F-1", "F-2", "F-8"]);
      expect((await listOrgMails(store, org.id)).length).toBe(0);
      const stopped = Object.fromEntries(dry.stopped.map((s) => [s.invoice, s.reason]));
      expect(stopped).toEqual({ "F-5": "complaint", "F-6": "paused", "F-7": "paused" });
      // Paid in full, settled by a credit note: not even looked at as open.
      expect(dry.due.concat(dry.upcoming).map((d) => d.invoice)).not.toContain("F-3");
      expect(dry.due.concat(dry.upcoming).map((d) => d.invoice)).not.toContain("F-4");

      const [a, b] = await Promise.all([
        runReminders(store, org, { asOf: on(7) }),
        runReminders(store, org, { asOf: on(7) }),
      ]);
      expect(a.counts.queued + b.counts.queued).toBe(2);
      expect(a.counts.no_email).toBe(1);
      const again = await runReminders(store, org, { asOf: on(8) });
      expect(again.counts.queued).toBe(0);
      const mails = await listOrgMails(store, org.id);
      expect(mails.map((m) => m.to).sort()).toEqual([
        "en-person@example.test",
        "fr-biz@example.test",
      ]);
      // Queued is not sent: no reminder fact yet.
      expect(await findFact(store, org.id, "reminder", "rem-F-1-1")).toBeUndefined();
    });

    it("delivers level 1 in each customer's language with the amount due and the PDF, then records the fact", async () => {
      await deliverOutbox(store, smtpMailer(smtp.url));
      const fr = smtp.received.find((m) => m.to.includes("fr-biz@example.test"))?.body ?? "";
      const en = smtp.received.find((m) => m.to.includes("en-person@example.test"))?.body ?? "";
      expect(fr).toContain("Subject: =?UTF-8?");
      const frText = nbsp(decodeMail(fr));
      expect(frText).toContain("Bonjour Menuiserie Duval");
      expect(frText).toContain("il reste 1 000,00 € à payer");
      expect(frText).toContain("2 mars 2026");
      expect(fr).toMatch(/filename=relance-F-1\.pdf/);
      expect(pdfOf(fr).subarray(0, 5).toString()).toBe("%PDF-");
      const enText = nbsp(decodeMail(en));
      expect(enText).toContain("Hello Jane Smith");
      expect(enText).toContain("€980.00 remain due");
      expect(enText).toContain("2 March 2026");
      expect(en).toMatch(/filename=reminder-F-2\.pdf/);
      const fact = await findFact(store, org.id, "reminder", "rem-F-1-1");
      expect(fact).toMatchObject({
        type: "reminder",
        customer: "fr-biz",
        invoice: "F-1",
        level: 1,
      });
    });

    it("states the penalties and the 40 EUR fee at level 2 for a business, not for a person", async () => {
      const run = await runReminders(store, org, { asOf: on(21) });
      // F-6's pause ended on 20 March: its first level goes now.
      expect(run.due.map((d) => `${d.invoice}:${d.level}:${d.outcome}`).sort()).toEqual([
        "F-1:2:queued",
        "F-2:2:queued",
        "F-6:1:queued",
        "F-8:1:no_email",
      ]);
      await deliverOutbox(store, smtpMailer(smtp.url));
      const fr = nbsp(decodeMail(lastTo("fr-biz@example.test")));
      expect(fr).toContain("Malgré notre premier rappel");
      expect(fr).toContain("taux BCE + 10 points");
      expect(fr).toContain("indemnité forfaitaire pour frais de recouvrement de 40,00 €");
      const en = nbsp(decodeMail(lastTo("en-person@example.test")));
      expect(en).toContain("Despite our first reminder");
      expect(en).not.toContain("recovery fee");
    });

    it("holds the formal notice for a confirmation, then sends it as a mise en demeure", async () => {
      const run = await runReminders(store, org, { asOf: on(45) });
      expect(run.counts.to_confirm).toBe(2);
      expect(run.due.filter((d) => d.level === 3).every((d) => d.outcome === "to_confirm")).toBe(
        true,
      );
      const waiting = await listSteps(store, org.id, "to_confirm");
      expect(waiting.map((s) => s.invoice).sort()).toEqual(["F-1", "F-2"]);
      const notices = () =>
        smtp.received.filter((m) => /mise-en-demeure|formal-notice/.test(m.body)).length;
      await deliverOutbox(store, smtpMailer(smtp.url));
      expect(notices()).toBe(0);

      expect(await confirmFormalNotice(store, org, "manager-1", "F-1", on(46))).toBe("queued");
      await expect(
        confirmFormalNotice(store, org, "manager-1", "F-1", on(46)),
      ).rejects.toMatchObject({
        code: "REMINDER_NOT_POSSIBLE",
      });
      await deliverOutbox(store, smtpMailer(smtp.url));
      const notice = lastTo("fr-biz@example.test");
      expect(nbsp(decodeMail(notice))).toContain(
        "nous vous mettons en demeure de régler cette somme",
      );
      expect(notice).toMatch(/filename=mise-en-demeure-F-1\.pdf/);
      expect(await findFact(store, org.id, "reminder", "rem-F-1-3")).toMatchObject({ level: 3 });
      // After the formal notice: manual.
      const later = await runReminders(store, org, { asOf: on(90), details: true });
      expect(later.stopped.find((s) => s.invoice === "F-1")?.reason).toBe("manual");
      await expect(sendReminderNow(store, org, "owner-1", "F-1", on(90))).rejects.toMatchObject({
        code: "REMINDER_NOT_POSSIBLE",
      });
    });

    it("refuses to send by hand while paused, sends at once once the pause is ended", async () => {
      const pauses = await store.db
        .selectFrom("reminder_pauses")
        .select("id")
        .where("target", "=", "paused-cust")
        .execute();
      await expect(sendReminderNow(store, org, "owner-1", "F-7", on(30))).rejects.toMatchObject({
        code: "REMINDER_NOT_POSSIBLE",
      });
      await endReminderPause(store, org, Number(pauses[0]?.id));
      expect(await sendReminderNow(store, org, "owner-1", "F-7", on(30))).toEqual({
        level: 1,
        outcome: "queued",
      });
      await expect(sendReminderNow(store, org, "owner-1", "F-5", on(30))).rejects.toMatchObject({
        code: "REMINDER_NOT_POSSIBLE",
        message: expect.stringContaining("complaint"),
      });
    });
  });
}

/** The text part of a raw mail, quoted-printable decoded. */
function decodeMail(raw: string): string {
  const part = raw.split(/Content-Type: text\/plain/)[1]?.split(/\r?\n--/)[0] ?? "";
  const body = part
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join("\n\n");
  if (/Content-Transfer-Encoding: base64/.test(part)) {
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  }
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "=" && /^[0-9A-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c ?? ""));
  }
  return Buffer.from(bytes).toString("utf8");
}

function pdfOf(raw: string): Buffer {
  const part = raw.split(/Content-Type: application\/pdf/)[1] ?? "";
  const body = part.split(/\r?\n\r?\n/)[1]?.split(/\r?\n--/)[0] ?? "";
  return Buffer.from(body.replace(/\s+/g, ""), "base64");
}
