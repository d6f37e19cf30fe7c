/**
 * Killing the sender mid-send and starting again never sends a reminder twice outside the
 * documented window (docs/outbox.md): a child process delivering the queued reminders through
 * a real SMTP server is killed with SIGKILL while it sends; a restarted delivery (its claims run
 * out after 15 minutes) sends the rest. Every reminder arrives; one that arrives twice carries
 * the same Message-ID and its row counts the interrupted attempt; the ledger has one reminder
 * fact per mail.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type TestSmtp, waitFor } from "../../http/test-smtp.ts";
import type { Store } from "../../store/database.ts";
import { listOrgMails } from "../../store/outbox-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { deliverOutbox } from "../mail/deliver-outbox.ts";
import { smtpMailer } from "../mail/smtp-mailer.ts";
import { runReminders } from "./run-reminders.ts";
import { addFacts, customerFact, DAY, DUE, invoiceFact, reminderOrg } from "./test-reminders.ts";

const COUNT = 12;

for (const dialect of testDialects()) {
  describe(`a sender killed mid-send (${dialect})`, () => {
    let store: Store & { url: string; schema?: string };
    let smtp: TestSmtp;
    beforeAll(async () => {
      store = await openTestStore(dialect);
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp.close();
      await store.close();
    });

    it("sends every reminder once, a second time only with the same Message-ID after an interrupted attempt", async () => {
      const org = await reminderOrg(store, "crash");
      const facts = [];
      for (let i = 1; i <= COUNT; i++) {
        facts.push(customerFact(`c${i}`), invoiceFact(`F-${i}`, `c${i}`, 10_000 * i));
      }
      await addFacts(store, org, facts);
      const run = await runReminders(store, org, { asOf: DUE + 8 * DAY });
      expect(run.counts.queued).toBe(COUNT);

      const child = spawn(
        process.execPath,
        [
          "bin/run-ts.js",
          "src/app/reminders/fixtures/deliver-child.ts",
          store.url,
          store.schema ?? "-",
          smtp.url,
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("exit", (_code, signal) => resolve(signal)),
      );
      await waitFor(() => smtp.received.length >= 3, 60_000);
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      const beforeRestart = smtp.received.length;
      expect(beforeRestart).toBeLessThan(COUNT);

      // The restarted server, once the dead run's claims have run out.
      const later = () => new Date(Date.now() + 16 * 60_000);
      for (;;) {
        const round = await deliverOutbox(store, smtpMailer(smtp.url), { now: later });
        if (round.sent + round.failed === 0) break;
      }

      const mails = await listOrgMails(store, org.id);
      expect(mails).toHaveLength(COUNT);
      expect(mails.every((m) => m.sentAt !== null)).toBe(true);
      const received = new Map<string, number>();
      for (const m of smtp.received) {
        const id = /Message-ID: (<[^>]+>)/i.exec(m.body)?.[1] ?? "";
        received.set(id, (received.get(id) ?? 0) + 1);
      }
      for (const mail of mails) {
        const times = received.get(mail.messageId) ?? 0;
        expect(times, mail.to).toBeGreaterThanOrEqual(1);
        // Twice only through the window: the same Message-ID, an interrupted attempt counted.
        expect(times, mail.to).toBeLessThanOrEqual(1 + mail.interrupted);
      }
      expect([...received.keys()].every((id) => mails.some((m) => m.messageId === id))).toBe(true);
      const reminders = await store.db
        .selectFrom("facts")
        .select("id")
        .where("type", "=", "reminder")
        .execute();
      expect(reminders.map((r) => r.id).sort()).toEqual(
        Array.from({ length: COUNT }, (_, i) => `rem-F-${i + 1}-1`).sort(),
      );
    }, 120_000);
  });
}
