/**
 * Invoices end to end on the store (both databases): drafts, issuing with gap-free numbers
 * (two processes at once on the same database), immutability, deposits at acceptance drawn
 * down on the final invoice, credit notes lowering the balance and not the margin twice, the
 * accountant's CSV, and an imported invoice refused under an issued one's id.
 */
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Fact } from "../../domain/facts.ts";
import { getCharter, updateCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import { ensureOrganization, type Organization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { computeScorecards } from "../scorecards/compute-scorecards.ts";
import { creditNoteForComplaint } from "./credit-complaint.ts";
import { createDraft, draftCreditNote, removeDraft, updateDraft } from "./draft-invoice.ts";
import { exportInvoicesCsv } from "./export-invoices-csv.ts";
import { setNumbering } from "./invoice-numbering.ts";
import type { InvoiceContext } from "./invoice-support.ts";
import { issueDepositForOrder } from "./issue-deposit.ts";
import { issueInvoice } from "./issue-invoice.ts";
import { getInvoiceView, listInvoiceViews } from "./list-invoices.ts";

const DAY = Date.parse("2026-12-07T10:00:00Z");
const line = (description: string, unitPriceMinor: number, vatRate = 20) => ({
  description,
  quantity: 1,
  unitPriceMinor,
  vatRate,
  nature: "services" as const,
});

for (const dialect of testDialects()) {
  describe(`invoices (${dialect})`, () => {
    let store: Store & { url: string; schema?: string };
    let org: Organization;
    let ctx: InvoiceContext;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      org = await ensureOrganization(store, "shop", { name: "Atelier Lune" });
      ctx = { store, org, actor: { userId: "u-owner", role: "owner" }, now: DAY };
      const facts: Fact[] = [
        {
          type: "customer",
          id: "acme",
          at: Date.parse("2026-01-01"),
          name: "Acme SARL",
          kind: "business",
          status: "active",
          extra: { address: "3 rue du Port, 13002 Marseille", siren: "443061841" },
        },
        {
          type: "customer",
          id: "ana",
          at: Date.parse("2026-01-01"),
          name: "Ana Martin",
          status: "active",
        },
        {
          type: "order",
          id: "o1",
          at: Date.parse("2026-11-01"),
          customer: "acme",
          price: 120000,
          list_price: 120000,
          cost: 0,
          description: "Réfection de 4 fauteuils",
        },
        {
          type: "order",
          id: "o2",
          at: Date.parse("2026-11-02"),
          customer: "acme",
          price: 24000,
          list_price: 24000,
          cost: 0,
          description: "Coussins",
        },
      ];
      for (const f of facts) await insertFact(store, org.id, f);
    });
    afterEach(() => store.close());

    it("drafts, computes totals and issues with the next number of the year's series", async () => {
      const draft = await createDraft(ctx, {
        customer: "acme",
        lines: [line("Main d'œuvre", 10000), line("Livre", 2000, 5.5)],
      });
      expect(draft.state).toBe("draft");
      expect(draft.number).toBeNull();
      const issued = await issueInvoice(ctx, draft.id);
      expect(issued.number).toBe("2026-0001");
      expect(issued.dueDate).toBe("2027-01-06");
      const view = await getInvoiceView(ctx, "2026-0001");
      expect(view.totals).toMatchObject({
        totalExclVatMinor: 12000,
        vatTotalMinor: 2110,
        totalInclVatMinor: 14110,
      });
      expect(view.status).toBe("issued");
      expect(view.balanceMinor).toBe(14110);
      const fact = await findFact(store, org.id, "invoice", "2026-0001");
      expect(fact).toMatchObject({
        type: "invoice",
        customer: "acme",
        amount: 14110,
        due: Date.parse("2027-01-06"),
      });
      expect(fact?.extra).toMatchObject({
        number: "2026-0001",
        series: "2026",
        total_incl_vat: 141.1,
        vat: [
          { category: "S", rate: 20, base: 100, vat: 20 },
          { category: "S", rate: 5.5, base: 20, vat: 1.1 },
        ],
      });
      const second = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "ana", lines: [line("x", 100)] })).id,
      );
      expect(second.number).toBe("2026-0002");
    });

    it("caps the due date at 60 days whatever the charter says", async () => {
      await updateCharter(store, org.id, { payment_terms_days: 90 });
      const issued = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "acme", lines: [line("x", 100)] })).id,
      );
      expect(issued.dueDate).toBe("2027-02-05");
    });

    it("refuses to change, delete or re-issue an issued invoice, and leaves it as it was", async () => {
      const draft = await createDraft(ctx, { customer: "acme", lines: [line("A", 5000)] });
      await updateDraft(ctx, draft.id, { lines: [line("A", 6000)] });
      const issued = await issueInvoice(ctx, draft.id);
      await expect(updateDraft(ctx, draft.id, { lines: [line("B", 1)] })).rejects.toMatchObject({
        code: "INVOICE_ISSUED",
        message: expect.stringMatching(
          /^id: invoice 2026-0001 is issued and cannot be changed; issue a credit note/,
        ),
      });
      await expect(updateDraft(ctx, "2026-0001", { notes: ["x"] })).rejects.toMatchObject({
        code: "INVOICE_ISSUED",
      });
      await expect(removeDraft(ctx, "2026-0001")).rejects.toMatchObject({ code: "INVOICE_ISSUED" });
      await expect(issueInvoice(ctx, draft.id)).rejects.toMatchObject({ code: "INVOICE_ISSUED" });
      const after = await getInvoiceView(ctx, "2026-0001");
      expect(after.record.lines).toEqual(issued.lines);
      expect(after.totals.totalInclVatMinor).toBe(7200);
      // The refused re-issue gave its number back: the next one is 2.
      const next = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "acme", lines: [line("C", 1)] })).id,
      );
      expect(next.number).toBe("2026-0002");
    });

    it("refuses bad lines naming the field, and an empty draft at issue, without a gap", async () => {
      await expect(
        createDraft(ctx, {
          customer: "acme",
          lines: [line("", 100), { ...line("x", 100), vatRate: 19.6 }],
        }),
      ).rejects.toMatchObject({
        code: "BAD_INPUT",
        message:
          "lines[0].description: is required; lines[1].vatRate: must be one of 20, 10, 8.5, 5.5, 2.1, 1.05, 0.9, 0",
      });
      const empty = await createDraft(ctx, { customer: "acme" });
      await expect(issueInvoice(ctx, empty.id)).rejects.toMatchObject({
        code: "BAD_INPUT",
        message: "lines: add at least one line",
      });
      await expect(createDraft(ctx, { customer: "nobody" })).rejects.toMatchObject({
        code: "CUSTOMER_NOT_FOUND",
      });
      const ok = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "acme", lines: [line("x", 100)] })).id,
      );
      expect(ok.number).toBe("2026-0001");
    });

    it("refuses an import of an invoice under an issued invoice's id", async () => {
      await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "acme", lines: [line("x", 100)] })).id,
      );
      await expect(
        insertFact(store, org.id, {
          type: "invoice",
          id: "2026-0001",
          at: DAY,
          customer: "acme",
          amount: 999,
          due: DAY,
        }),
      ).rejects.toMatchObject({ code: "BAD_INPUT" });
      // An invoice imported first takes the number: issuing it is refused, nothing changes.
      await insertFact(store, org.id, {
        type: "invoice",
        id: "2026-0002",
        at: DAY,
        customer: "acme",
        amount: 5,
        due: DAY,
      });
      const draft = await createDraft(ctx, { customer: "acme", lines: [line("y", 100)] });
      await expect(issueInvoice(ctx, draft.id)).rejects.toMatchObject({
        code: "INVOICE_NUMBER_TAKEN",
      });
      expect((await getInvoiceView(ctx, draft.id)).record.state).toBe("draft");
      await setNumbering(ctx, { invoiceSeries: "F{year}", creditNoteSeries: "AV-{year}" });
      expect((await issueInvoice(ctx, draft.id)).number).toBe("F2026-0001");
    });

    it("turns a deposit into a deposit invoice and draws it down on the final invoice", async () => {
      const charter = await getCharter(store, org.id);
      const deposit = await store.db
        .transaction()
        .execute((trx) =>
          issueDepositForOrder(
            { ...store, db: trx },
            org,
            charter,
            { id: "o1", customer: "acme", item: "4 fauteuils", price: 120000, deposit: 36000 },
            "u-owner",
            DAY,
            "fr",
          ),
        );
      expect(deposit).toMatchObject({ kind: "deposit", number: "2026-0001", amountMinor: 36000 });
      expect(deposit.lines[0]?.description).toBe(
        "Acompte de 30 % sur la commande o1 : 4 fauteuils",
      );
      expect(await findFact(store, org.id, "invoice", "2026-0001")).toMatchObject({
        amount: 36000,
        order: "o1",
      });
      // The final invoice of o1 and o2 lists both orders and draws the deposit down.
      const final = await createDraft(ctx, { customer: "acme", orders: ["o1", "o2"] });
      expect(final.references.deposits).toEqual([
        { number: "2026-0001", issueDate: "2026-12-07", amountMinor: 36000 },
      ]);
      expect(final.lines.map((l) => l.unitPriceMinor)).toEqual([100000, 20000]);
      const issued = await issueInvoice(ctx, final.id);
      expect(issued.number).toBe("2026-0002");
      const view = await getInvoiceView(ctx, "2026-0002");
      expect(view.totals.totalInclVatMinor).toBe(144000);
      expect(view.totals.depositsDrawnDownMinor).toBe(36000);
      expect(issued.amountMinor).toBe(108000);
      const fact = await findFact(store, org.id, "invoice", "2026-0002");
      expect(fact).toMatchObject({ amount: 108000, order: "o1" });
      expect(fact?.extra).toMatchObject({
        orders: ["o1", "o2"],
        deposits: [{ number: "2026-0001", amount: 360 }],
      });
      // A second final invoice does not draw the same deposit down again.
      const again = await createDraft(ctx, { customer: "acme", orders: ["o1"] });
      expect(again.references.deposits).toBeUndefined();
    });

    it("lowers the balance with a credit note and not the margin a second time", async () => {
      const issued = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "acme", orders: ["o1"] })).id,
      );
      const asOf = Date.parse("2026-12-31T23:59:59Z");
      const before = (await computeScorecards(store, org, { asOf, lang: "fr" })).scorecards.find(
        (s) => s.customer === "acme",
      );
      expect(before?.outstandingTotal).toBe(120000);
      // Draft from the invoice: a partial credit of 240.00 incl. VAT.
      const note = await draftCreditNote(ctx, issued.number as string, {
        amountMinor: 24000,
        reason: "Retard de livraison",
      });
      const credit = await issueInvoice(ctx, note.id);
      expect(credit.number).toBe("AV-2026-0001");
      expect(await findFact(store, org.id, "credit_note", "AV-2026-0001")).toMatchObject({
        invoice: "2026-0001",
        amount: 24000,
        reason: "Retard de livraison",
      });
      const view = await getInvoiceView(ctx, "2026-0001");
      expect(view.creditedMinor).toBe(24000);
      expect(view.balanceMinor).toBe(96000);
      const after = (await computeScorecards(store, org, { asOf, lang: "fr" })).scorecards.find(
        (s) => s.customer === "acme",
      );
      expect(after?.outstandingTotal).toBe(96000);
      expect(after?.margin).toBe(before?.margin);
      expect(after?.revenue).toBe(before?.revenue);
      // No more than what is left to credit.
      const tooMuch = await draftCreditNote(ctx, "2026-0001", { amountMinor: 100000 });
      await expect(issueInvoice(ctx, tooMuch.id)).rejects.toMatchObject({
        code: "BAD_INPUT",
        message: expect.stringContaining("more than what the invoice 2026-0001 has left to credit"),
      });
      // The whole rest, by lines: the invoice is settled (status paid).
      const rest = await draftCreditNote(ctx, "2026-0001", { amountMinor: 96000 });
      await issueInvoice(ctx, rest.id);
      expect((await getInvoiceView(ctx, "2026-0001")).status).toBe("paid");
    });

    it("makes a credit note from a complaint's remedy in one call", async () => {
      await issueInvoice(ctx, (await createDraft(ctx, { customer: "acme", orders: ["o1"] })).id);
      await store.db
        .insertInto("complaints" as never)
        .values({
          id: "cp1",
          org_id: org.id,
          customer: "acme",
          order_id: "o1",
          text: "Tissu taché",
          opened_by: "u-owner",
          opened_at: new Date(DAY).toISOString(),
          resolved_at: new Date(DAY).toISOString(),
          fault: "ours",
          remedy: "discount",
          remedy_amount: 6000,
        } as never)
        .execute();
      const note = await creditNoteForComplaint(ctx, "cp1");
      expect(note).toMatchObject({
        kind: "credit_note",
        number: "AV-2026-0001",
        amountMinor: 6000,
      });
      expect((await getInvoiceView(ctx, "2026-0001")).balanceMinor).toBe(114000);
    });

    it("lists by status: draft, issued, overdue, paid", async () => {
      await createDraft(ctx, { customer: "ana", lines: [line("d", 100)] });
      const a = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "ana", lines: [line("a", 1000)] })).id,
      );
      const b = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "ana", lines: [line("b", 1000)] })).id,
      );
      await insertFact(store, org.id, {
        type: "payment",
        id: "p1",
        at: DAY,
        customer: "ana",
        invoice: b.number as string,
        amount: 1200,
      });
      const later = Date.parse("2027-02-01T10:00:00Z");
      const statuses = (await listInvoiceViews(ctx, { asOf: later })).map((v) => [
        v.record.number,
        v.status,
      ]);
      expect(statuses).toEqual([
        [null, "draft"],
        ["2026-0002", "paid"],
        ["2026-0001", "overdue"],
      ]);
      expect(
        (await listInvoiceViews(ctx, { status: "overdue", asOf: later })).map(
          (v) => v.record.number,
        ),
      ).toEqual([a.number]);
      expect(
        (await listInvoiceViews(ctx, { status: "issued" })).map((v) => v.record.number),
      ).toEqual([a.number]);
    });

    it("exports one CSV line per document with totals per VAT rate", async () => {
      await issueInvoice(
        ctx,
        (
          await createDraft(ctx, {
            customer: "acme",
            lines: [line("Main d'œuvre", 10000), line("Livre", 2000, 5.5)],
          })
        ).id,
      );
      const second = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "ana", lines: [line("=SUM(A1)", 5000)] })).id,
      );
      await issueInvoice(
        ctx,
        (
          await draftCreditNote(ctx, second.number as string, {
            amountMinor: 1200,
            reason: "geste",
          })
        ).id,
      );
      await insertFact(store, org.id, {
        type: "payment",
        id: "p9",
        at: DAY,
        customer: "ana",
        invoice: "2026-0002",
        amount: 4800,
        extra: { method: "card" },
      });
      const csv = await exportInvoicesCsv(ctx, { from: "2026-12-01", to: "2026-12-31" });
      const rows = csv.trimEnd().split("\r\n");
      expect(rows[0]).toBe(
        "date;type;numero;client;nom_client;siren_client;tva_intracom_client;facture_liee;base_ht_20;tva_20;base_ht_5_5;tva_5_5;total_ht;total_tva;total_ttc;acomptes_deduits;net_a_payer;echeance;mode_reglement",
      );
      expect(rows.slice(1)).toEqual([
        "2026-12-07;facture;2026-0001;acme;Acme SARL;443061841;;;100,00;20,00;20,00;1,10;120,00;21,10;141,10;0,00;141,10;2027-01-06;",
        "2026-12-07;facture;2026-0002;ana;Ana Martin;;;;50,00;10,00;;;50,00;10,00;60,00;0,00;60,00;2027-01-06;",
        "2026-12-07;avoir;AV-2026-0001;ana;Ana Martin;;;2026-0002;-10,00;-2,00;;;-10,00;-2,00;-12,00;0,00;-12,00;;",
        "2026-12-07;reglement;p9;ana;Ana Martin;;;2026-0002;;;;;;;48,00;;;;card",
      ]);
      const none = await exportInvoicesCsv(ctx, { from: "2026-11-01", to: "2026-11-30" });
      expect(none.trimEnd().split("\r\n")).toHaveLength(1);
    });

    it("numbers without gaps when two processes issue at once on the same database", async () => {
      const perChild = 12;
      /** A child process that drafts its invoices, says "ready", and issues them on "go". */
      const child = () => {
        const proc = spawn(
          process.execPath,
          [
            "bin/run-ts.js",
            "src/app/invoices/fixtures/issue-child.ts",
            store.url,
            store.schema ?? "-",
            "shop",
            String(perChild),
          ],
          { stdio: ["pipe", "pipe", "inherit"] },
        );
        let out = "";
        const ready = new Promise<void>((resolve) =>
          proc.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes("ready\n")) resolve();
          }),
        );
        const done = new Promise<string[]>((resolve, reject) => {
          proc.on("error", reject);
          proc.on("exit", (code) =>
            code === 0
              ? resolve(JSON.parse(out.trim().split("\n").pop() ?? "[]"))
              : reject(new Error(`child exited ${code}: ${out}`)),
          );
        });
        return { ready, go: () => proc.stdin.end("go\n"), done };
      };
      const children = [child(), child()];
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.go();
      const [a, b] = await Promise.all(children.map((c) => c.done));
      // Each process got numbers (the two really competed), and together exactly 1..n.
      expect(a).toHaveLength(perChild);
      expect(b).toHaveLength(perChild);
      const all = [...(a ?? []), ...(b ?? [])].sort();
      expect(all).toEqual(
        Array.from({ length: perChild * 2 }, (_, i) => `2026-${String(i + 1).padStart(4, "0")}`),
      );
      // And the ledger has exactly those invoice facts.
      const ids = (
        await store.db.selectFrom("facts").select("id").where("type", "=", "invoice").execute()
      ).map((r) => r.id);
      expect(ids.sort()).toEqual(all);
    }, 120_000);
  });
}
