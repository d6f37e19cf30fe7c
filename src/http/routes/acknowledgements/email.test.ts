import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { smtpMailer } from "../../mailer.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { type ReceivedMail, startSmtp, type TestSmtp } from "../../test-smtp.ts";

/** The link in a received mail (startSmtp has joined quoted-printable soft breaks). */
const ackToken = (mail: ReceivedMail) => /\/ack\/([\w-]+)/.exec(mail.body)?.[1];

async function until<T>(probe: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const dialect of testDialects()) {
  describe(`acknowledgement link by e-mail through SMTP (${dialect})`, () => {
    let t: TestApp;
    let smtp: TestSmtp;
    let staff: TestUser;
    beforeAll(async () => {
      smtp = await startSmtp();
      t = await buildTestApp(dialect, {
        sendMail: smtpMailer(smtp.url),
        outboxIntervalMs: 200,
      });
      staff = await signIn(t, "staff");
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    async function orderFor(email: string) {
      const created = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/intake",
        headers: staff.write,
        payload: {
          customer: { new: { name: "Mail Customer", email } },
          item: "Resole of riding boots",
          risks: [{ code: "worn_upper", text: "the worn upper may crack when resoled" }],
          quote: { price: 75 },
        },
      });
      expect(created.status).toBe(201);
      return created.body;
    }

    it("mails the link; the customer opens it, acknowledges once, and the order can be accepted", async () => {
      const created = await orderFor("boots@example.test");
      const id = created.order.id;
      const sent = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/intake/${id}/ack-link`,
        headers: staff.write,
        payload: { lang: "en" },
      });
      expect(sent.status).toBe(201);
      const mail = await until(() =>
        smtp.received.find((m) => m.to.includes("boots@example.test")),
      );
      expect(mail.body).toContain("please read before your order");
      expect(mail.body.replace(/=\r?\n/g, "")).toContain("the worn upper may crack when resoled");
      const token = ackToken(mail);
      expect(token).toBeTruthy();
      expect(sent.body.link).toBe(`http://localhost:3000/ack/${token}`);

      const opened = await t.app.inject({ method: "GET", url: `/ack/${token}` });
      expect(opened.statusCode).toBe(200);
      expect(opened.body).toContain("the worn upper may crack when resoled");
      const form = new URLSearchParams({
        name: "Boris Boots",
        ack: created.disclosures[0].id,
      }).toString();
      const post = () =>
        t.app.inject({
          method: "POST",
          url: `/ack/${token}`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: form,
        });
      expect((await post()).statusCode).toBe(200);
      expect((await post()).statusCode).toBe(410);
      expect((await t.app.inject({ method: "GET", url: `/ack/${token}` })).statusCode).toBe(410);
      const accepted = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/intake/${id}/accept`,
        headers: staff.write,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.disclosures[0]).toMatchObject({
        acknowledgedBy: "Boris Boots",
        acknowledgedVia: "link",
      });
    });

    it("retries a mail the SMTP server turned away, in the background, until it arrives once", {
      timeout: 15_000,
    }, async () => {
      const created = await orderFor("retry@example.test");
      smtp.refuseNext(1);
      const sent = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/intake/${created.order.id}/ack-link`,
        headers: staff.write,
        payload: {},
      });
      expect(sent.status).toBe(201);
      const row = await t.store.db
        .selectFrom("outbox")
        .selectAll()
        .where("to", "=", "retry@example.test")
        .executeTakeFirstOrThrow();
      expect(row.sent_at).toBeNull();
      expect(row.last_error).toContain("mailbox busy");
      // The route's own attempt failed; it is due again after the first retry delay (5 s).
      const mail = await until(
        () => smtp.received.find((m) => m.to.includes("retry@example.test")),
        10_000,
      );
      expect(ackToken(mail)).toBe(sent.body.link.split("/ack/")[1]);
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.received.filter((m) => m.to.includes("retry@example.test"))).toHaveLength(1);
      const after = await t.store.db
        .selectFrom("outbox")
        .select("sent_at")
        .where("to", "=", "retry@example.test")
        .executeTakeFirstOrThrow();
      expect(after.sent_at).not.toBeNull();
    });
  });
}
