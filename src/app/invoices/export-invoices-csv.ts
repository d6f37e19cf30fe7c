/**
 * The accountant's CSV over a period (docs/invoicing.md): the documents issued in the app
 * (invoices, deposits, credit notes) and the payments recorded against any invoice.
 */

import { decodeFact } from "../../domain/fact-codec.ts";
import type { PaymentFact } from "../../domain/facts.ts";
import type { AccountantPayment } from "../../domain/invoicing/accountant-csv.ts";
import { accountantCsv } from "../../domain/invoicing/accountant-csv.ts";
import { computeTotals, isoDay } from "../../domain/invoicing/invoice-record.ts";
import { minorDigits } from "../../domain/money.ts";
import { getCharter } from "../../store/charter-repository.ts";
import { findCustomer } from "../../store/customer-records.ts";
import { invoiceDb, listInvoices } from "../../store/invoice-repository.ts";
import { orgKey } from "../../store/org-key.ts";
import { type InvoiceContext, orgLang } from "./invoice-support.ts";

/** `from`, `to`: ISO days, inclusive. */
export async function exportInvoicesCsv(
  ctx: InvoiceContext,
  period: { from: string; to: string },
): Promise<string> {
  const { currency } = await getCharter(ctx.store, ctx.org.id);
  const records = await listInvoices(invoiceDb(ctx.store.db), ctx.org.id, {
    state: "issued",
    from: period.from,
    to: period.to,
  });
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await findCustomer(ctx.store, ctx.org.id, id))?.name ?? id);
    return names.get(id) as string;
  };
  const documents = [];
  for (const r of records) {
    if (!r.document) continue;
    documents.push({
      kind: r.kind,
      number: r.document.number,
      issueDate: r.document.issueDate,
      dueDate: r.kind === "credit_note" ? null : r.document.dueDate,
      customer: r.customer,
      customerName: r.document.buyer.name,
      siren: r.document.buyer.siren,
      vatNumber: r.document.buyer.vatNumber,
      corrects: r.references.correctedInvoice?.number ?? null,
      totals: computeTotals(r.document),
    });
  }
  const start = `${period.from}T00:00:00.000Z`;
  const end = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString();
  const rows = await ctx.store.db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(ctx.org.id))
    .where("type", "=", "payment")
    .where("at", ">=", start)
    .where("at", "<", end)
    .orderBy("seq")
    .execute();
  const payments: AccountantPayment[] = [];
  for (const row of rows) {
    const p = decodeFact(row) as PaymentFact;
    const method = p.extra?.method;
    payments.push({
      id: p.id,
      date: isoDay(p.at),
      customer: p.customer,
      customerName: await nameOf(p.customer),
      invoice: p.invoice,
      amountMinor: p.amount,
      method: typeof method === "string" ? method : null,
    });
  }
  return accountantCsv(documents, payments, minorDigits(currency), orgLang(ctx.org));
}
