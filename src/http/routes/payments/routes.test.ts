import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fact } from "../../../domain/facts.ts";
import { insertFact } from "../../../store/fact-repository.ts";
import { findJournalCheck } from "../../../store/payment-journal-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildServer } from "../../server.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

const at = (iso: string) => Date.parse(iso);

for (const dialect of testDialects()) {
  describe(`payments (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    const put = (fact: Fact) => insertFact(t.store, t.org.id, fact);
    const customer = (id: string, name: string) =>
      put({ type: "customer", id, at: at("2026-01-05"), name, status: "active" });
    const invoice = (id: string, cust: string, issued: string, due: string, amount = 100_00) =>
      put({ type: "invoice", id, customer: cust, at: at(issued), due: at(due), amount });

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      await customer("bea", "Béa Bernard");
      await invoice("2026-0001", "bea", "2026-09-01", "2026-09-30");
      await invoice("2026-0002", "bea", "2026-09-01", "2026-12-30", 50_00);
      await customer("cal", "Cal Charpentier");
      await invoice("2026-0011", "cal", "2026-09-15", "2026-10-01");
      await invoice("2026-0012", "cal", "2026-09-20", "2026-10-15");
      await customer("dia", "Dia Diallo");
      for (const [id, due] of [
        ["2026-0021", "2026-11-01"],
        ["2026-0022", "2026-11-10"],
        ["2026-0023", "2026-11-20"],
      ])
        await invoice(id as string, "dia", "2026-10-15", due as string);
      await customer("eve", "Ève Etienne");
      await invoice("2026-0031", "eve", "2026-10-01", "2026-10-31");
      await customer("fay", "Fay Fontaine");
      await invoice("2026-0041", "fay", "2026-11-01", "2026-12-31", 1_000_00);
    });
    afterAll(() => t.close());

    const pay = (user: TestUser, payload: object, org = "shop") =>
      call(t.app, {
        method: "POST",
        url: `/api/orgs/${org}/payments`,
        headers: user.write,
        payload,
      });
    const balance = (user: TestUser, id: string) =>
      call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/customers/${id}/balance`,
        headers: user.read,
      });
    const signals = async (id: string): Promise<string[]> => {
      const r = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/customers/${id}`,
        headers: manager.read,
      });
      expect(r.status).toBe(200);
      return r.body.scorecard.signals.map((s: { code: string }) => s.code);
    };
    const journal = (user: TestUser) =>
      call(t.app, { method: "GET", url: "/api/orgs/shop/payments/journal", headers: user.read });

    it("takes partial payments, lowers the balance, and unpaid goes once paid in full (a credit note included)", async () => {
      expect(await signals("bea")).toContain("unpaid");
      const first = await pay(staff, {
        invoice: "2026-0001",
        amount: 40,
        method: "cash",
        at: "2026-11-02",
      });
      expect(first.status).toBe(201);
      expect(first.body.invoice).toMatchObject({
        id: "2026-0001",
        amount: 100,
        paid: 40,
        balance: 60,
        paidInFullAt: null,
      });
      expect(first.body.entry).toMatchObject({
        seq: 1,
        kind: "payment",
        amount: 40,
        method: "cash",
        invoice: "2026-0001",
        customer: "bea",
      });
      expect(await signals("bea")).toContain("unpaid");
      // A credit note of 20.00 (a remedy): 40.00 left.
      await put({
        type: "credit_note",
        id: "cn-1",
        customer: "bea",
        invoice: "2026-0001",
        at: at("2026-11-10"),
        amount: 20_00,
      });
      const seen = await balance(manager, "bea");
      expect(seen.body).toMatchObject({
        customer: { id: "bea", name: "Béa Bernard" },
        currency: "EUR",
        balance: 90,
      });
      expect(seen.body.invoices.find((i: { id: string }) => i.id === "2026-0001")).toMatchObject({
        paid: 40,
        credited: 20,
        balance: 40,
      });
      const over = await pay(staff, { invoice: "2026-0001", amount: 40.01, method: "card" });
      expect(over.status).toBe(409);
      expect(over.body.error.code).toBe("PAYMENT_EXCEEDS_BALANCE");
      const rest = await pay(staff, { invoice: "2026-0001", amount: 40, method: "card" });
      expect(rest.body.invoice).toMatchObject({ balance: 0 });
      expect(rest.body.invoice.paidInFullAt).not.toBeNull();
      expect(await signals("bea")).not.toContain("unpaid");
      const again = await pay(staff, { invoice: "2026-0001", amount: 1, method: "cash" });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("PAYMENT_NOT_DUE");
    });

    it("makes a late payer of invoices paid in full more than 7 days late, and a prompt payer of those paid by their due date", async () => {
      expect(await signals("cal")).not.toContain("late_payer");
      await pay(staff, { invoice: "2026-0011", amount: 100, method: "transfer", at: "2026-10-20" });
      await pay(staff, { invoice: "2026-0012", amount: 50, method: "cheque", at: "2026-10-10" });
      expect(await signals("cal")).not.toContain("late_payer");
      await pay(staff, { invoice: "2026-0012", amount: 50, method: "cheque", at: "2026-11-01" });
      expect(await signals("cal")).toContain("late_payer");

      expect(await signals("dia")).toContain("unpaid");
      for (const [id, day] of [
        ["2026-0021", "2026-11-01"],
        ["2026-0022", "2026-11-05"],
        ["2026-0023", "2026-11-20T17:00:00+01:00"],
      ])
        expect(
          (await pay(manager, { invoice: id, amount: 100, method: "card", at: day })).status,
        ).toBe(201);
      const dia = await signals("dia");
      expect(dia).toContain("prompt_payer");
      expect(dia).not.toContain("unpaid");
    });

    it("refunds what a credit note after payment left in the customer's favour (managers only)", async () => {
      await pay(staff, { invoice: "2026-0031", amount: 100, method: "card" });
      await put({
        type: "credit_note",
        id: "cn-2",
        customer: "eve",
        invoice: "2026-0031",
        at: at("2026-11-15"),
        amount: 30_00,
      });
      const refund = { invoice: "2026-0031", amount: 30, method: "card", kind: "refund" };
      const byStaff = await pay(staff, refund);
      expect(byStaff.status).toBe(403);
      const tooMuch = await pay(manager, { ...refund, amount: 30.5 });
      expect(tooMuch.body.error.code).toBe("REFUND_EXCEEDS_CREDIT");
      const done = await pay(manager, refund);
      expect(done.status).toBe(201);
      expect(done.body.entry).toMatchObject({ kind: "refund", amount: -30 });
      expect(done.body.invoice).toMatchObject({ paid: 70, credited: 30, balance: 0 });
      const twice = await pay(manager, refund);
      expect(twice.body.error.code).toBe("REFUND_NOT_DUE");
    });

    it("shows staff the open invoices only, and the journal to managers and owners", async () => {
      const seen = await balance(staff, "bea");
      expect(seen.status).toBe(200);
      expect(seen.body.balance).toBeNull();
      expect(seen.body.invoices.map((i: { id: string }) => i.id)).toEqual(["2026-0002"]);
      expect((await journal(staff)).status).toBe(403);
      for (const user of [manager, owner]) {
        const r = await journal(user);
        expect(r.status).toBe(200);
        expect(r.body.entries[0].seq).toBeGreaterThan(r.body.entries.at(-1).seq);
        expect(r.body.entries.at(-1)).toMatchObject({
          seq: 1,
          recordedBy: { name: expect.any(String) },
        });
      }
      for (const [method, url] of [
        ["GET", "/api/orgs/shop/payments/closures"],
        ["POST", "/api/orgs/shop/payments/close"],
        ["POST", "/api/orgs/shop/payments/verify"],
        ["GET", "/api/orgs/shop/payments/archive?from=2026-01-01&to=2026-12-31"],
      ] as const) {
        const r = await call(t.app, {
          method,
          url,
          headers: staff.write,
          payload: method === "POST" ? {} : undefined,
        });
        expect(r.status, url).toBe(403);
      }
    });

    it("answers 400 naming the field, 404 for an unknown invoice, and changes nothing", async () => {
      const before = (await journal(owner)).body.entries.length;
      const cases: [object, string][] = [
        [{ invoice: "2026-0002", amount: 0, method: "cash" }, "amount"],
        [{ invoice: "2026-0002", amount: 10.001, method: "cash" }, "amount"],
        [{ invoice: "2026-0002", amount: 10, method: "bitcoin" }, "method"],
        [{ invoice: "2026-0002", amount: 10, method: "cash", at: "yesterday" }, "at"],
        [{ invoice: "2026-0002", amount: 10, method: "cash", at: "2999-01-01" }, "at"],
        [{ amount: 10, method: "cash" }, "invoice"],
      ];
      for (const [payload, field] of cases) {
        const r = await pay(staff, payload);
        expect(r.status, JSON.stringify(payload)).toBe(400);
        expect(r.body.error.field).toBe(field);
      }
      const missing = await pay(staff, { invoice: "2099-9999", amount: 10, method: "cash" });
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe("INVOICE_NOT_FOUND");
      expect((await journal(owner)).body.entries.length).toBe(before);
    });

    it("answers 401 without a session and 404 to another organization", async () => {
      const anon = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/payments",
        payload: { invoice: "2026-0002", amount: 1, method: "cash" },
      });
      expect(anon.status).toBe(401);
      const rival = await signIn(t, "owner", t.other);
      expect(
        (await pay(rival, { invoice: "2026-0002", amount: 1, method: "cash" }, "rival")).status,
      ).toBe(404);
      expect((await pay(rival, { invoice: "2026-0002", amount: 1, method: "cash" })).status).toBe(
        404,
      );
    });

    it("keeps one chain when many requests pay at once", async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          pay(i % 2 ? staff : manager, { invoice: "2026-0041", amount: 10 + i, method: "cash" }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
      const verify = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/payments/verify",
        headers: owner.write,
        payload: {},
      });
      expect(verify.body.check).toMatchObject({ ok: true, problems: [] });
      const seqs = (await journal(owner)).body.entries.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => seqs.length - i));
    });

    it("detects a journal row changed in SQL, on demand and at the next server start, and tells owners", async () => {
      await t.store.db
        .withTables<{ payment_journal: { org_id: string; seq: number; method: string } }>()
        .updateTable("payment_journal")
        .set({ method: "cheque" })
        .where("org_id", "=", t.org.id)
        .where("seq", "=", 1)
        .execute();
      const verify = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/payments/verify",
        headers: manager.write,
        payload: {},
      });
      expect(verify.status).toBe(200);
      expect(verify.body.check.ok).toBe(false);
      expect(verify.body.check.problems[0]).toMatchObject({ where: "entry", seq: 1, kind: "hash" });
      expect((await journal(owner)).body.check).toMatchObject({ ok: false });

      // A new server on the same database checks at start, logs it and keeps the result.
      await t.store.db
        .withTables<{ payment_journal_checks: { org_id: string } }>()
        .deleteFrom("payment_journal_checks")
        .execute();
      const logFile = `${t.logFile}.second`;
      const second = await buildServer({
        store: t.store,
        publicUrl: "http://localhost:3000",
        authSecret: "test-secret-test-secret-test-secret-123",
        webDist: "/nonexistent",
        logger: { level: "info", file: logFile },
        notice: () => undefined,
      });
      await second.ready();
      await second.paymentJournals()?.started;
      expect(await findJournalCheck(t.store.db, t.org.id)).toMatchObject({ ok: false });
      await second.close();
      expect(readFileSync(logFile, "utf8")).toContain("payment journal BROKEN");
    });
  });
}
