import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFact, insertFact } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

for (const dialect of testDialects()) {
  describe(`invoices routes (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      await insertFact(t.store, t.org.id, {
        type: "customer",
        id: "acme",
        at: Date.parse("2026-01-05"),
        name: "Acme SARL",
        kind: "business",
        status: "active",
      });
    });
    afterAll(() => t.close());

    const send = (
      user: TestUser,
      method: "POST" | "PUT" | "DELETE",
      url: string,
      payload?: object,
    ) => call(t.app, { method, url: `/api/orgs/shop${url}`, headers: user.write, payload });
    const get = (user: TestUser, url: string) =>
      call(t.app, { method: "GET", url: `/api/orgs/shop${url}`, headers: user.read });

    it("lets a manager draft, edit and issue an invoice; issued, it cannot be changed", async () => {
      const created = await send(manager, "POST", "/invoices", {
        customer: "acme",
        lines: [{ description: "Réfection", quantity: 2, unitPrice: 45.5, vatRate: 20 }],
      });
      expect(created.status).toBe(201);
      expect(created.body.invoice).toMatchObject({
        status: "draft",
        number: null,
        totalExclVat: 91,
        totalVat: 18.2,
        totalInclVat: 109.2,
        pdfUrl: null,
      });
      const id = created.body.invoice.id;
      const edited = await send(manager, "PUT", `/invoices/${id}`, {
        lines: [
          { description: "Réfection", quantity: 2, unitPrice: 45.5, vatRate: 20 },
          { description: "Livre", quantity: 1, unitPrice: 10, vatRate: 5.5, nature: "goods" },
        ],
      });
      expect(edited.body.invoice.totalInclVat).toBe(119.75);
      const bad = await send(manager, "PUT", `/invoices/${id}`, {
        lines: [{ description: "x", quantity: 1, unitPrice: 1.234, vatRate: 20 }],
      });
      expect(bad.status).toBe(400);
      const draftPdf = await get(manager, `/invoices/${id}/pdf`);
      expect(draftPdf.status).toBe(409);
      expect(draftPdf.body.error.code).toBe("INVOICE_NOT_ISSUED");
      expect(bad.body.error.message).toBe("lines[0].unitPrice: too many decimals for EUR");
      const issued = await send(manager, "POST", `/invoices/${id}/issue`);
      expect(issued.status).toBe(200);
      expect(issued.body.invoice).toMatchObject({
        status: "issued",
        number: expect.stringMatching(/^\d{4}-0001$/),
        balance: 119.75,
        pdfUrl: expect.stringMatching(/^\/api\/orgs\/shop\/invoices\/\d{4}-0001\/pdf$/),
      });
      const number = issued.body.invoice.number;
      // The issued document: a PDF/A-3 with its Factur-X XML, and the UBL beside it.
      const pdf = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/invoices/${number}/pdf`,
        headers: manager.read,
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.rawPayload.toString("latin1")).toContain("factur-x.xml");
      const ubl = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/invoices/${number}/ubl.xml`,
        headers: manager.read,
      });
      expect(ubl.statusCode).toBe(200);
      expect(ubl.body).toContain(`<cbc:ID>${number}</cbc:ID>`);
      expect((await get(staff, `/invoices/${number}/pdf`)).status).toBe(403);
      const refused = await send(owner, "PUT", `/invoices/${number}`, { notes: ["oops"] });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("INVOICE_ISSUED");
      expect((await send(owner, "DELETE", `/invoices/${number}`)).status).toBe(409);
      expect((await get(manager, `/invoices/${number}`)).body.invoice.notes).toEqual([]);

      // Any member sees the balance of the invoice being paid; only managers see invoices.
      const balance = await get(staff, `/invoices/${number}/balance`);
      expect(balance.status).toBe(200);
      expect(balance.body).toMatchObject({ number, customerName: "Acme SARL", balance: 119.75 });
      expect((await get(staff, "/invoices")).status).toBe(403);
      expect((await get(staff, `/invoices/${number}`)).status).toBe(403);
      expect((await send(staff, "POST", "/invoices", { customer: "acme" })).status).toBe(403);

      // A credit note: drafted from the invoice, issued in its own series.
      const note = await send(manager, "POST", `/invoices/${number}/credit-note`, {
        amount: 19.75,
        reason: "Geste commercial",
      });
      expect(note.status).toBe(201);
      const credit = await send(manager, "POST", `/invoices/${note.body.invoice.id}/issue`);
      expect(credit.body.invoice).toMatchObject({
        kind: "credit_note",
        corrects: number,
        totalInclVat: 19.75,
      });
      expect((await get(staff, `/invoices/${number}/balance`)).body.balance).toBe(100);

      const list = await get(manager, "/invoices?status=issued");
      expect(list.body.items.map((i: { number: string }) => i.number)).toEqual([number]);
    });

    it("issues the deposit invoice when an order with a deposit is accepted", async () => {
      const created = await send(staff, "POST", "/intake", {
        customer: { new: { id: "lea", name: "Léa Petit" } },
        item: "Fauteuil Voltaire",
        quote: { price: 400 },
        deposit: 120,
      });
      expect(created.status).toBe(201);
      const accepted = await send(staff, "POST", `/intake/${created.body.order.id}/accept`);
      expect(accepted.status).toBe(200);
      const deposits = (await get(manager, "/invoices?customer=lea")).body.items;
      expect(deposits).toHaveLength(1);
      expect(deposits[0]).toMatchObject({
        kind: "deposit",
        status: "issued",
        totalInclVat: 120,
        orders: [created.body.order.id],
      });
      expect(deposits[0].lines[0].description).toBe(
        `Deposit of 30% on order ${created.body.order.id}: Fauteuil Voltaire`,
      );
      expect(await findFact(t.store, t.org.id, "invoice", deposits[0].number)).toMatchObject({
        amount: 12000,
        order: created.body.order.id,
      });
    });

    it("lets owners alone change the numbering, and managers export the CSV", async () => {
      expect(
        (
          await send(manager, "PUT", "/invoice-numbering", {
            invoiceSeries: "F{year}",
            creditNoteSeries: "AV{year}",
          })
        ).status,
      ).toBe(403);
      const bad = await send(owner, "PUT", "/invoice-numbering", {
        invoiceSeries: "F {year}",
        creditNoteSeries: "AV{year}",
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/^invoiceSeries: 1 to 20 letters/);
      const ok = await send(owner, "PUT", "/invoice-numbering", {
        invoiceSeries: "F{year}",
        creditNoteSeries: "AV{year}",
      });
      expect(ok.status).toBe(200);
      expect(ok.body.settings).toEqual({ invoiceSeries: "F{year}", creditNoteSeries: "AV{year}" });
      const year = new Date().getUTCFullYear();
      const csv = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/invoices/export.csv?from=${year}-01-01&to=${year}-12-31`,
        headers: manager.read,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
      const rows = csv.body.trimEnd().split("\r\n");
      expect(rows[0]).toMatch(/^date;type;number;customer;customer_name;/);
      expect(rows.filter((r) => r.includes(";invoice;"))).toHaveLength(1);
      expect(rows.filter((r) => r.includes(";credit_note;"))).toHaveLength(1);
      expect(rows.filter((r) => r.includes(";deposit;"))).toHaveLength(1);
      const staffCsv = await t.app.inject({
        method: "GET",
        url: `/api/orgs/shop/invoices/export.csv?from=${year}-01-01&to=${year}-12-31`,
        headers: staff.read,
      });
      expect(staffCsv.statusCode).toBe(403);
    });
  });
}
