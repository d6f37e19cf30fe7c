import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMailer } from "../../http/mailer.ts";
import { freePort, startSmtp, waitFor } from "../../http/test-smtp.ts";
import type { Store } from "../../store/database.ts";
import { enqueueMail } from "../../store/outbox-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import {
  deliverOutbox,
  MAX_MAIL_ATTEMPTS,
  retryDelayMs,
  type SendMail,
  startOutboxDelivery,
} from "./deliver-outbox.ts";

describe("retry delays", () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [10, 2_560_000],
    [11, 3_600_000],
    [30, 3_600_000],
  ])("waits after failure %i for %i ms, at most an hour", (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms);
  });
});

for (const dialect of testDialects()) {
  describe(`outbox delivery (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect);
    });
    afterAll(() => store.close());

    const row = (to: string) =>
      store.db.selectFrom("outbox").selectAll().where("to", "=", to).executeTakeFirstOrThrow();

    it("delivers a mail queued while the SMTP server was down once it is up", async () => {
      const port = await freePort();
      await enqueueMail(store, { orgId: null, to: "down@example.test", subject: "Hi", text: "x" });
      const loop = startOutboxDelivery(
        store,
        smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`),
        {
          intervalMs: 40,
          retryBaseMs: 40,
        },
      );
      try {
        await loop.kick();
        const failed = await row("down@example.test");
        expect(failed.sent_at).toBeNull();
        expect(Number(failed.attempts)).toBeGreaterThanOrEqual(1);
        expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);

        const smtp = await startSmtp(port);
        try {
          await waitFor(() => smtp.received.some((m) => m.to.includes("down@example.test")));
          await loop.kick();
          expect((await row("down@example.test")).sent_at).not.toBeNull();
          expect(smtp.received.filter((m) => m.to.includes("down@example.test"))).toHaveLength(1);
        } finally {
          await smtp.close();
        }
      } finally {
        await loop.stop();
      }
    });

    it("never sends a mail twice when two deliveries run at once", async () => {
      await enqueueMail(store, { orgId: null, to: "once@example.test", subject: "Hi", text: "x" });
      const sent: string[] = [];
      const slow: SendMail = async (mail) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        sent.push(mail.to);
      };
      const [a, b] = await Promise.all([deliverOutbox(store, slow), deliverOutbox(store, slow)]);
      expect(a.sent + b.sent).toBe(sent.length);
      expect(sent.filter((to) => to === "once@example.test")).toHaveLength(1);
    });

    it("waits longer after each failure and gives up after the last attempt", async () => {
      await enqueueMail(store, { orgId: null, to: "never@example.test", subject: "Hi", text: "x" });
      const start = Date.now() + 86_400_000;
      let clock = start;
      const now = () => new Date(clock);
      const refuse: SendMail = async (mail) => {
        if (mail.to === "never@example.test") throw new Error("550 mailbox unavailable");
      };
      await deliverOutbox(store, refuse, { now });
      const first = await row("never@example.test");
      expect(first.next_attempt_at).toBe(new Date(start + 5_000).toISOString());
      // Not due yet: nothing is tried.
      clock += 4_000;
      expect((await deliverOutbox(store, refuse, { now })).failed).toBe(0);
      for (let i = 1; i < MAX_MAIL_ATTEMPTS; i++) {
        clock += 3_600_000;
        expect((await deliverOutbox(store, refuse, { now })).failed).toBe(1);
      }
      clock += 3_600_000;
      expect((await deliverOutbox(store, refuse, { now })).failed).toBe(0);
      const last = await row("never@example.test");
      expect(Number(last.attempts)).toBe(MAX_MAIL_ATTEMPTS);
      expect(last.last_error).toBe("550 mailbox unavailable");
      expect(last.sent_at).toBeNull();
    });

    it("stops: no delivery runs after stop()", async () => {
      let calls = 0;
      const loop = startOutboxDelivery(
        store,
        async () => {
          calls++;
        },
        { intervalMs: 20 },
      );
      await loop.stop();
      await enqueueMail(store, { orgId: null, to: "late@example.test", subject: "Hi", text: "x" });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).toBe(0);
      expect((await row("late@example.test")).sent_at).toBeNull();
    });
  });
}
