import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashAckToken } from "../../../app/intake/send-ack-link.ts";
import { intakeDb } from "../../../store/intake-schema.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

for (const dialect of testDialects()) {
  describe(`acknowledgement link (${dialect})`, () => {
    let t: TestApp;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      staff = await signIn(t, "staff");
    });
    afterAll(() => t.close());

    async function orderWithRisk() {
      const created = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/intake",
        headers: staff.write,
        payload: {
          customer: { new: { name: "Link Customer", email: "link@example.test" } },
          item: "Translation of a contract",
          risks: [
            { code: "nonexistent_terms", text: "the source text contains terms that do not exist" },
          ],
          questions: ["Which spelling for the company name?"],
          quote: { price: 130 },
        },
      });
      const id = created.body.order.id as string;
      const link = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/intake/${id}/ack-link`,
        headers: staff.write,
        payload: {},
      });
      expect(link.status).toBe(201);
      return {
        id,
        created,
        link: link.body as { link: string; email: string },
        token: link.body.link.split("/ack/")[1] as string,
      };
    }

    const page = (token: string, method: "GET" | "POST" = "GET", payload?: string) =>
      t.app.inject({
        method,
        url: `/ack/${token}`,
        headers:
          payload === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" },
        payload,
      });

    it("sends the link by e-mail, works once without an account, and unblocks acceptance", async () => {
      const { id, created, link, token } = await orderWithRisk();
      expect(link.email).toBe("link@example.test");
      const mail = await t.store.db
        .selectFrom("outbox")
        .selectAll()
        .where("to", "=", "link@example.test")
        .executeTakeFirstOrThrow();
      expect(mail.text).toContain(link.link);
      expect(mail.text).toContain("the source text contains terms that do not exist");
      const row = await intakeDb(t.store.db)
        .selectFrom("intake_ack_links")
        .selectAll()
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashAckToken(token));
      expect(JSON.stringify(row)).not.toContain(token);

      const opened = await page(token);
      expect(opened.statusCode).toBe(200);
      expect(opened.headers["content-type"]).toContain("text/html");
      expect(opened.body).toContain("the source text contains terms that do not exist");
      expect(opened.body).toContain("Which spelling for the company name?");
      const english = await t.app.inject({ method: "GET", url: `/ack/${token}?lang=en` });
      expect(english.body).toContain("Please read before your order");

      const disclosure = created.body.disclosures[0].id;
      const question = created.body.questions[0].id;
      const missingTick = await page(
        token,
        "POST",
        new URLSearchParams({ name: "Lina" }).toString(),
      );
      expect(missingTick.statusCode).toBe(400);
      const form = new URLSearchParams({
        name: "Lina Customer",
        ack: disclosure,
        [`answer_${question}`]: "ACME SAS",
      });
      const done = await page(token, "POST", form.toString());
      expect(done.statusCode).toBe(200);
      expect(done.body).toMatch(/Merci|Thank you/);

      expect((await page(token)).statusCode).toBe(410);
      expect((await page(token, "POST", form.toString())).statusCode).toBe(410);

      const detail = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/intake/${id}`,
        headers: staff.read,
      });
      expect(detail.body.disclosures[0]).toMatchObject({
        acknowledgedBy: "Lina Customer",
        acknowledgedVia: "link",
      });
      expect(detail.body.questions[0]).toMatchObject({
        answer: "ACME SAS",
        answeredVia: "link",
        reviewedAt: null,
      });
      expect(detail.body.order.status).toBe("quoted");
      const inbox = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/inbox",
        headers: staff.read,
      });
      expect(inbox.body.items).toEqual([
        expect.objectContaining({ kind: "answer", id: question, orderId: id }),
      ]);
      await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/intake/${id}/questions/${question}/review`,
        headers: staff.write,
        payload: {},
      });
      expect(
        (await call(t.app, { method: "GET", url: "/api/orgs/shop/inbox", headers: staff.read }))
          .body.counts.answer,
      ).toBe(0);
      expect(
        (
          await call(t.app, {
            method: "POST",
            url: `/api/orgs/shop/intake/${id}/accept`,
            headers: staff.write,
          })
        ).status,
      ).toBe(200);
    });

    it("answers a form it cannot read with the form again (400), not a 500, and records nothing", async () => {
      const { token } = await orderWithRisk();
      const json = await t.app.inject({
        method: "POST",
        url: `/ack/${token}?lang=fr`,
        headers: { "content-type": "application/json" },
        payload: "true",
      });
      expect(json.statusCode).toBe(400);
      expect(json.body).toContain("Le formulaire n’a pas pu être lu");
      const long = await page(
        token,
        "POST",
        new URLSearchParams({ name: "n".repeat(201) }).toString(),
      );
      expect(long.statusCode).toBe(400);
      expect(long.body).toContain("the name fits in 200 characters");
      // Still open: nothing was acknowledged.
      expect((await page(token)).statusCode).toBe(200);
    });

    it("expires", async () => {
      const { token } = await orderWithRisk();
      await intakeDb(t.store.db)
        .updateTable("intake_ack_links")
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where("token_hash", "=", hashAckToken(token))
        .execute();
      const res = await page(token);
      expect(res.statusCode).toBe(410);
      expect(res.body).toMatch(/expiré|expired/);
    });

    it("refuses another organization's order and unknown tokens", async () => {
      const { id } = await orderWithRisk();
      // A link of the rival organization naming the shop's order id opens nothing.
      const secret = "forged-secret-forged-secret-forged";
      await intakeDb(t.store.db)
        .insertInto("intake_ack_links")
        .values({
          id: "ack-forged",
          org_id: t.other.id,
          order_id: id,
          token_hash: hashAckToken(secret),
          email: null,
          lang: "en",
          created_by: "x",
          created_at: new Date().toISOString(),
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          used_at: null,
        })
        .execute();
      expect((await page(secret)).statusCode).toBe(404);
      expect((await page("unknown-token-unknown-token")).statusCode).toBe(404);
      const rival = await signIn(t, "owner", t.other);
      const viaApi = await call(t.app, {
        method: "POST",
        url: `/api/orgs/rival/intake/${id}/ack-link`,
        headers: rival.write,
        payload: {},
      });
      expect(viaApi.status).toBe(404);
      expect(
        (
          await call(t.app, {
            method: "POST",
            url: `/api/orgs/shop/intake/${id}/ack-link`,
            payload: {},
          })
        ).status,
      ).toBe(401);
      const bad = await call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/intake/${id}/ack-link`,
        headers: staff.write,
        payload: { email: "nope" },
      });
      expect(bad.body.error.field).toBe("email");
    });
  });
}
