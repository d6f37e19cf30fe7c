import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { smtpMailer } from "../../mailer.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

interface Received {
  to: string[];
  body: string;
}

/** A real SMTP server on localhost; `refuse` makes it turn the next recipients away. */
async function startSmtp() {
  const received: Received[] = [];
  const state = { refuse: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(_address, _session, callback) {
      if (state.refuse > 0) {
        state.refuse--;
        const error = new Error("mailbox busy, try later") as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
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
  return {
    port,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The link in a received mail (quoted-printable soft breaks joined). */
const ackToken = (mail: Received) => /\/ack\/([\w-]+)/.exec(mail.body.replace(/=\r?\n/g, ""))?.[1];

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
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let staff: TestUser;
    beforeAll(async () => {
      smtp = await startSmtp();
      t = await buildTestApp(dialect, {
        sendMail: smtpMailer(`smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`),
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
      smtp.state.refuse = 1;
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
