/**
 * The deposit an order takes at intake becomes a deposit invoice when the order is accepted
 * (issue 16): one line "Acompte de N % sur ..." whose total incl. VAT is the deposit, issued in
 * the acceptance's transaction. The final invoice of that order draws it down.
 */
import type { Charter } from "../../domain/charter.ts";
import type { InvoiceRecord } from "../../domain/invoicing/invoice-record.ts";
import { isoDay } from "../../domain/invoicing/invoice-record.ts";
import { depositBase } from "../../domain/invoicing/invoice-totals.ts";
import type { Lang } from "../../domain/organization-identity.ts";
import type { Store } from "../../store/database.ts";
import { invoiceDb } from "../../store/invoice-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { DEFAULT_VAT_RATE, newDraftId } from "./draft-invoice.ts";
import { seriesFor } from "./invoice-support.ts";
import { issueInTransaction } from "./issue-invoice.ts";

export interface DepositOrder {
  id: string;
  customer: string;
  item: string;
  /** Minor units, incl. VAT. */
  price: number | null;
  deposit: number;
}

/** Issues the deposit invoice of `order` inside the caller's transaction (`facts`). */
export async function issueDepositForOrder(
  facts: Store,
  org: Organization,
  charter: Charter,
  order: DepositOrder,
  by: string,
  at: number,
  lang: Lang,
): Promise<InvoiceRecord> {
  const pct =
    order.price && order.price > 0 ? Math.round((order.deposit / order.price) * 1000) / 10 : null;
  // "30 %" in French (a space before the sign), "30%" in English.
  const share =
    pct === null ? "" : lang === "fr" ? `${String(pct).replace(".", ",")} % ` : `${pct}% `;
  const description =
    lang === "en"
      ? `Deposit ${share ? `of ${share}` : ""}on order ${order.id}: ${order.item}`
      : `Acompte ${share ? `de ${share}` : ""}sur la commande ${order.id} : ${order.item}`;
  const record: InvoiceRecord = {
    id: newDraftId(),
    kind: "deposit",
    state: "draft",
    customer: order.customer,
    lines: [
      {
        description,
        quantity: 1,
        unitPriceMinor: depositBase(order.deposit, DEFAULT_VAT_RATE),
        vatRate: DEFAULT_VAT_RATE,
        nature: "services",
        order: order.id,
      },
    ],
    references: { orders: [order.id] },
    service: null,
    notes: [],
    reason: null,
    series: null,
    number: null,
    issueDate: null,
    dueDate: null,
    amountMinor: null,
    document: null,
    createdBy: by,
    createdAt: new Date(at).toISOString(),
    issuedBy: null,
    issuedAt: null,
  };
  const series = await seriesFor(facts.db, org.id, "deposit", isoDay(at));
  return issueInTransaction(invoiceDb(facts.db), facts, org, charter, record, series, by, at, {
    insert: true,
  });
}
