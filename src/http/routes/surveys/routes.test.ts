import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSurvey, openSurvey } from "../../../app/surveys/answer-survey.ts";
import { runDailySurveys } from "../../../app/surveys/run-daily-surveys.ts";
import { sendSurvey } from "../../../app/surveys/send-survey.ts";
import { hashSurveyToken, stampPage } from "../../../app/surveys/survey-support.ts";
import type { CustomerFact, FeedbackFact } from "../../../domain/facts.ts";
import { findCustomer } from "../../../store/customer-records.ts";
import { insertFact, listCustomerFacts } from "../../../store/fact-repository.ts";
import { listInvitations } from "../../../store/survey-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { smtpMailer } from "../../mailer.ts";
import {
  buildTestApp,
  call,
  signIn,
  TEST_URL,
  type TestApp,
  type TestUser,
} from "../../test-app.ts";
import { startSmtp, type TestSmtp } from "../../test-smtp.ts";

const DAY = 86_400_000;
const tokenOf = (link: string) => link.split("/").at(-1) ?? "";

async function until<T>(probe: () => T | undefined, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const dialect of testDialects()) {
  describe(`surveys (${dialect})`, () => {
    let t: TestApp;
    let smtp: TestSmtp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    const now = Date.now();
    beforeAll(async () => {
      smtp = await startSmtp();
      t = await buildTestApp(dialect, { sendMail: smtpMailer(smtp.url), outboxIntervalMs: 200 });
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      const customer = (id: string, extra: Partial<CustomerFact> = {}, at = now - 400 * DAY) =>
        insertFact(t.store, t.org.id, {
          type: "customer",
          id,
          at,
          name: id.toUpperCase(),
          status: "active",
          ...extra,
        } as CustomerFact);
      await customer("ana", { email: "Ana@Example.test", lang: "fr" });
      await customer("ann", { email: "ana@example.test" }); // the same person
      await customer("bea", { email: "bea@example.test", lang: "en" });
      await customer("nomail");
      await customer("pro", { email: "pro@example.test", status: "prospect" }, now - 31 * DAY);
      await customer("new", { email: "new@example.test", status: "prospect" }, now - 5 * DAY);
      await customer("old", { email: "old@example.test" });
      await customer("imp", { email: "imp@example.test" });
      await insertFact(t.store, t.org.id, {
        type: "order",
        id: "o-old",
        at: now - 14 * 30 * DAY,
        customer: "old",
        price: 50_00,
        list_price: 50_00,
        cost: 0,
      });
      await insertFact(t.store, t.org.id, {
        type: "order",
        id: "o-imp",
        at: now - 10 * DAY,
        customer: "imp",
        price: 50_00,
        list_price: 50_00,
        cost: 0,
        delivered: now - 4 * DAY,
      });
      await insertFact(t.store, t.other.id, {
        type: "customer",
        id: "zoe",
        at: now - DAY,
        name: "Zoe",
        status: "active",
        email: "zoe@example.test",
      } as CustomerFact);
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    const send = (user: TestUser, customer: string, kind = "after_delivery") =>
      call(t.app, {
        method: "POST",
        url: `/api/orgs/shop/customers/${customer}/survey`,
        headers: user.write,
        payload: { kind },
      });
    const page = (path: string, method: "GET" | "POST" = "GET", form?: Record<string, string>) =>
      t.app.inject({
        method,
        url: path,
        ...(form
          ? {
              headers: { "content-type": "application/x-www-form-urlencoded" },
              payload: new URLSearchParams(form).toString(),
            }
          : {}),
      });
    /** A stamp as if the page had been shown `ago` ms before. */
    const stamp = (token: string, ago: number) =>
      stampPage(hashSurveyToken(token), Date.now() - ago);
    const feedbackOf = async (customer: string) =>
      (await listCustomerFacts(t.store, t.org.id, customer)).filter(
        (f): f is FeedbackFact => f.type === "feedback",
      );

    let anaLink = "";

    it("sends a survey by hand; a real SMTP server receives it with the 0-10 links and the opt-out", async () => {
      const sent = await send(staff, "ana");
      expect(sent.status).toBe(201);
      expect(sent.body.survey).toMatchObject({
        kind: "after_delivery",
        email: "ana@example.test",
        lang: "fr",
        trigger: "manual",
        answeredAt: null,
      });
      const mail = await until(() => smtp.received.find((m) => m.to.includes("ana@example.test")));
      expect(mail.body).toContain("Recommanderiez-vous Shop");
      const link = /(http:\/\/localhost:3000\/survey\/shop\/[\w-]+)\?score=7/.exec(mail.body)?.[1];
      expect(link).toBeDefined();
      expect(mail.body).toContain(`${link}/opt-out`);
      anaLink = link ?? "";
      // Only the hash is stored.
      const [stored] = await listInvitations(t.store.db, t.org.id, "ana");
      expect(JSON.stringify(stored)).not.toContain(tokenOf(anaLink));
    });

    it("opens the page with the score of the e-mail's link preselected, and a GET records nothing", async () => {
      const path = new URL(anaLink).pathname;
      for (let i = 0; i < 3; i++) {
        const r = await page(`${path}?score=3`);
        expect(r.statusCode).toBe(200);
        expect(r.body).toContain('value="3" required checked');
        expect(r.body).toContain('<html lang="fr">');
      }
      expect(await feedbackOf("ana")).toEqual([]);
      const [inv] = await listInvitations(t.store.db, t.org.id, "ana");
      expect(inv?.answeredAt).toBeNull();
    });

    it("refuses a form sent too fast or with the honeypot filled, and keeps what was typed", async () => {
      const path = new URL(anaLink).pathname;
      const token = tokenOf(anaLink);
      const fast = await page(path, "POST", {
        score: "4",
        text: "Trop long à livrer",
        stamp: stamp(token, 500),
      });
      expect(fast.statusCode).toBe(400);
      expect(fast.body).toContain("trop vite");
      expect(fast.body).toContain("Trop long à livrer");
      expect(fast.body).toContain('value="4" required checked');
      const forged = await page(path, "POST", {
        score: "4",
        text: "x",
        stamp: `${Date.now() - 5000}.forged`,
      });
      expect(forged.statusCode).toBe(400);
      const bot = await page(path, "POST", {
        score: "4",
        text: "x",
        website: "http://spam.test",
        stamp: stamp(token, 5000),
      });
      expect(bot.statusCode).toBe(400);
      const noScore = await page(path, "POST", { text: "sans note", stamp: stamp(token, 5000) });
      expect(noScore.statusCode).toBe(400);
      expect(noScore.body).toContain("sans note");
      expect(await feedbackOf("ana")).toEqual([]);
    });

    it("records the answer as a feedback fact; a detractor reaches the inbox; the answer can be changed", async () => {
      const path = new URL(anaLink).pathname;
      const token = tokenOf(anaLink);
      const ok = await page(path, "POST", {
        score: "4",
        text: "Trop long à livrer",
        stamp: stamp(token, 3000),
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain("Merci");
      const [fact] = await feedbackOf("ana");
      expect(fact).toMatchObject({
        type: "feedback",
        source: "customer",
        customer: "ana",
        score: 4,
        text: "Trop long à livrer",
        lang: "fr",
      });
      const inbox = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/inbox",
        headers: staff.read,
      });
      expect(
        inbox.body.items.some(
          (i: { kind: string; id: string }) => i.kind === "feedback" && i.id === fact?.id,
        ),
      ).toBe(true);
      // Changed: a correction of the first answer.
      const again = await page(path, "POST", {
        score: "8",
        text: "Finalement très bien",
        stamp: stamp(token, 3000),
      });
      expect(again.statusCode).toBe(200);
      const facts = await feedbackOf("ana");
      expect(facts).toHaveLength(2);
      expect(facts[1]).toMatchObject({ score: 8, extra: { corrects: fact?.id } });
      expect((await page(path)).body).toContain("Finalement très bien");
      // The inbox reads the answer as it stands: an 8 needs no follow-up.
      const after = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/inbox",
        headers: staff.read,
      });
      expect(after.body.items.some((i: { id: string }) => i.id === fact?.id)).toBe(false);
    });

    it("closes the answer after 7 days and the link after 30, and never opens another organization's link", async () => {
      const token = tokenOf(anaLink);
      await expect(openSurvey(t.store, "shop", token, now + 8 * DAY)).rejects.toMatchObject({
        code: "SURVEY_LINK_EXPIRED",
      });
      await expect(
        answerSurvey(
          t.store,
          "shop",
          token,
          {
            score: 1,
            text: "",
            extra: [],
            stamp: stampPage(hashSurveyToken(token), now + 8 * DAY - 5000),
          },
          now + 8 * DAY,
        ),
      ).rejects.toMatchObject({ code: "SURVEY_LINK_EXPIRED" });
      const old = await sendSurvey(
        t.store,
        t.org,
        { kind: "after_delivery", customer: "bea", trigger: "manual", by: null },
        TEST_URL,
        now - 31 * DAY,
      );
      expect(old.sent).toBe(true);
      const oldPath = old.sent ? new URL(old.link).pathname : "";
      const expired = await page(oldPath);
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain("expired");
      const rival = await sendSurvey(
        t.store,
        t.other,
        { kind: "after_delivery", customer: "zoe", trigger: "manual", by: null },
        TEST_URL,
        now,
      );
      const rivalToken = rival.sent ? tokenOf(rival.link) : "";
      expect((await page(`/survey/shop/${rivalToken}`)).statusCode).toBe(404);
      expect(
        (
          await page(`/survey/shop/${rivalToken}`, "POST", {
            score: "2",
            stamp: stampPage(hashSurveyToken(rivalToken), Date.now() - 5000),
          })
        ).statusCode,
      ).toBe(404);
      expect((await page(`/survey/rival/${rivalToken}`)).statusCode).toBe(200);
      expect((await page("/survey/shop/not-a-real-token-at-all-xxxx")).statusCode).toBe(404);
    });

    it("never sends twice to the same address within 90 days, nor without an address", async () => {
      const twin = await send(staff, "ann");
      expect(twin.status).toBe(409);
      expect(twin.body.error.code).toBe("SURVEY_REFUSED");
      expect(twin.body.error.message).toContain("90 days");
      expect((await send(staff, "nomail")).body.error.code).toBe("SURVEY_REFUSED");
      const later = await sendSurvey(
        t.store,
        t.org,
        { kind: "after_delivery", customer: "ann", trigger: "manual", by: null },
        TEST_URL,
        now + 91 * DAY,
      );
      expect(later.sent).toBe(true);
      expect((await send(staff, "zoe")).status).toBe(404);
    });

    it("opts out in one POST (a GET changes nothing), as a correction of the customer record", async () => {
      const fresh = await sendSurvey(
        t.store,
        t.org,
        { kind: "lost_prospect", customer: "new", trigger: "manual", by: null },
        TEST_URL,
        now,
      );
      const path = fresh.sent ? new URL(fresh.link).pathname : "";
      const view = await page(`${path}/opt-out`);
      expect(view.statusCode).toBe(200);
      expect(view.body).toContain('<form method="post"');
      expect((await findCustomer(t.store, t.org.id, "new"))?.extra?.survey_opt_out).toBeUndefined();
      const done = await page(`${path}/opt-out`, "POST", {});
      expect(done.statusCode).toBe(200);
      const record = await findCustomer(t.store, t.org.id, "new");
      expect(record?.extra?.survey_opt_out).toMatch(/^\d{4}-/);
      expect(record?.email).toBe("new@example.test");
      expect((await page(`${path}/opt-out`, "POST", {})).statusCode).toBe(200);
      const refused = await sendSurvey(
        t.store,
        t.org,
        { kind: "lost_prospect", customer: "new", trigger: "manual", by: null },
        TEST_URL,
        now + 200 * DAY,
      );
      expect(refused).toEqual({ sent: false, reason: "opted_out" });
      // The opt-out is a fact: the export carries it.
      const exported = await t.app.inject({
        method: "GET",
        url: "/api/orgs/shop/export",
        headers: manager.read,
      });
      const line = exported.body.split("\n").find((l) => l.includes('"survey_opt_out"'));
      expect(JSON.parse(line ?? "{}")).toMatchObject({
        type: "customer",
        corrects: "new",
        email: "new@example.test",
      });
    });

    it("runs the daily job once a day: imported deliveries, lost prospects, former customers", async () => {
      const first = await runDailySurveys(t.store, t.org, TEST_URL, now);
      expect(first.claimed).toBe(true);
      const kinds = new Map(
        (await listInvitations(t.store.db, t.org.id))
          .filter((i) => i.trigger !== "manual")
          .map((i) => [i.customer, i.kind]),
      );
      expect(kinds.get("imp")).toBe("after_delivery");
      expect(kinds.get("pro")).toBe("lost_prospect");
      expect(kinds.get("old")).toBe("former_customer");
      expect(kinds.has("new")).toBe(false);
      expect(kinds.has("ana")).toBe(false);
      const again = await runDailySurveys(t.store, t.org, TEST_URL, now + 60_000);
      expect(again).toEqual({ claimed: false, sent: 0, refused: {} });
      const mail = await until(() => smtp.received.find((m) => m.to.includes("old@example.test")));
      // The customer has no language: the organization's (English here).
      expect(mail.body).toContain("Why did you stop coming?");
    });

    it("surveys an order marked delivered in the app, three days later", async () => {
      const post = (url: string, payload: object = {}) =>
        call(t.app, { method: "POST", url: `/api/orgs/shop${url}`, headers: staff.write, payload });
      const created = await post("/intake", {
        customer: { new: { name: "Dora Delivered", email: "dora@example.test" } },
        item: "Boots",
        quote: { price: 40 },
      });
      const id = created.body.order.id;
      expect((await post(`/intake/${id}/accept`)).status).toBeLessThan(300);
      for (const to of ["in_progress", "ready", "delivered"])
        expect((await post(`/intake/${id}/advance`, { to })).status).toBe(200);
      const customer = created.body.order.customer;
      expect((await runDailySurveys(t.store, t.org, TEST_URL, Date.now() + DAY)).sent).toBe(0);
      const run = await runDailySurveys(t.store, t.org, TEST_URL, Date.now() + 3 * DAY + 60_000);
      expect(run.sent).toBeGreaterThan(0);
      const [inv] = await listInvitations(t.store.db, t.org.id, customer);
      expect(inv).toMatchObject({ kind: "after_delivery", order: id, trigger: "delivery" });
    });

    it("lets the owner rewrite the questions, not a manager, and names a wrong field", async () => {
      const put = (user: TestUser, payload: object) =>
        call(t.app, {
          method: "PUT",
          url: "/api/orgs/shop/surveys/templates",
          headers: user.write,
          payload,
        });
      const saved = await put(owner, {
        kind: "after_delivery",
        lang: "fr",
        recommend: "Nous recommanderiez-vous ?",
        open: "Un mot sur votre visite ?",
        extra: ["Le délai vous a-t-il convenu ?"],
      });
      expect(saved.status).toBe(200);
      expect(
        saved.body.templates.find(
          (q: { kind: string; lang: string }) => q.kind === "after_delivery" && q.lang === "fr",
        ),
      ).toMatchObject({ custom: true, extra: ["Le délai vous a-t-il convenu ?"] });
      expect(
        (await put(manager, { kind: "after_delivery", lang: "fr", recommend: "a", open: "b" }))
          .status,
      ).toBe(403);
      const bad = await put(owner, {
        kind: "after_delivery",
        lang: "fr",
        recommend: "a",
        open: "b",
        extra: ["1", "2", "3", "4"],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("extra");
      expect(
        (
          await call(t.app, {
            method: "GET",
            url: "/api/orgs/shop/surveys/templates",
            headers: manager.read,
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await call(t.app, {
            method: "GET",
            url: "/api/orgs/shop/surveys/templates",
            headers: staff.read,
          })
        ).status,
      ).toBe(403);
      const sent = await sendSurvey(
        t.store,
        t.org,
        { kind: "after_delivery", customer: "ana", trigger: "manual", by: null },
        TEST_URL,
        now + 200 * DAY,
      );
      const shown = await openSurvey(
        t.store,
        "shop",
        sent.sent ? tokenOf(sent.link) : "",
        now + 200 * DAY,
      );
      expect(shown.questions).toEqual({
        recommend: "Nous recommanderiez-vous ?",
        open: "Un mot sur votre visite ?",
        extra: ["Le délai vous a-t-il convenu ?"],
      });
    });

    it("lists a customer's surveys and says why none can go now", async () => {
      const r = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/customers/ana/surveys",
        headers: staff.read,
      });
      expect(r.status).toBe(200);
      expect(r.body.surveys).toHaveLength(2);
      expect(r.body.surveys[0].feedbackId).toBe(`fb-${r.body.surveys[0].id}`);
      expect(r.body.refusal).toBe("too_soon");
    });

    it("rate-limits the public page", async () => {
      const path = new URL(anaLink).pathname;
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await page(`${path}/opt-out`)).statusCode);
      expect(statuses).toContain(429);
    });
  });
}
