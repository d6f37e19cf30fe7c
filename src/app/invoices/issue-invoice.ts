/**
 * Issues a draft: it takes the next number of its series (gap-free, see allocateNumber), its
 * document is fixed (seller, buyer, dates, terms, lines) and the ledger gets its `invoice` or
 * `credit_note` fact, whose id is the full number. All in one transaction: a failure gives the
 * number back. Issued, the record is immutable (INVOICE_ISSUED).
 */
import type { Charter } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import {
  checkIssuable,
  type InvoiceRecord,
  isoDay,
  issuedFact,
} from "../../domain/invoicing/invoice-record.ts";
import { computeTotals } from "../../domain/invoicing/invoice-totals.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { findFact, insertFact } from "../../store/fact-repository.ts";
import {
  allocateNumber,
  drawnDownDeposits,
  type InvoiceDb,
  insertInvoice,
  settlementsOf,
  updateInvoice,
} from "../../store/invoice-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";
import {
  buildDocument,
  type InvoiceContext,
  inInvoiceTransaction,
  nowOf,
  requireDraft,
  requireInvoice,
  seriesFor,
} from "./invoice-support.ts";

/**
 * Issues `record` inside the caller's transaction, with the number `options.value` the
 * caller already allocated (as its transaction's first statement, see issueInvoice), or one
 * allocated here. `options.insert`: the record is new (a deposit at acceptance), not a draft.
 */
export async function issueInTransaction(
  db: InvoiceDb,
  facts: Store,
  org: Organization,
  charter: Charter,
  record: InvoiceRecord,
  series: string,
  by: string,
  at: number,
  options: { insert?: boolean; value?: number } = {},
): Promise<InvoiceRecord> {
  const value = options.value ?? (await allocateNumber(db, org.id, series));
  const doc = await buildDocument(facts, org, charter, record, series, value, at);
  const totals = computeTotals(doc);
  const problems = checkIssuable(record, totals);
  if (record.kind === "credit_note" && problems.length === 0) {
    const corrected = record.references.correctedInvoice?.number ?? "";
    const invoice = await findFact(facts, org.id, "invoice", corrected);
    if (invoice?.type !== "invoice") {
      problems.push({ field: "invoice", reason: `no invoice "${corrected}" in the ledger` });
    } else {
      const { credited } = await settlementsOf(facts.db, org.id, corrected);
      const room = invoice.amount - (credited.get(corrected) ?? 0);
      if (totals.totalInclVatMinor > room)
        problems.push({
          field: "lines",
          reason: `the credit note's total is more than what the invoice ${corrected} has left to credit`,
        });
    }
  }
  if (record.kind === "invoice" && problems.length === 0 && record.references.deposits?.length) {
    const drawn = await drawnDownDeposits(db, org.id);
    const again = record.references.deposits.find((d) => drawn.has(d.number));
    if (again)
      problems.push({
        field: "references.deposits",
        reason: `deposit ${again.number} is already drawn down on another invoice`,
      });
  }
  if (problems.length > 0) {
    throw new AppError(
      "BAD_INPUT",
      problems.map((p) => `${p.field}: ${p.reason}`).join("; "),
      problems.map((p) => ({ field: p.field, reason: p.reason })),
    );
  }
  const type = record.kind === "credit_note" ? "credit_note" : "invoice";
  if (await findFact(facts, org.id, type, doc.number)) {
    throw new AppError(
      "INVOICE_NUMBER_TAKEN",
      `number: ${doc.number} is already in the ledger (an imported ${type === "invoice" ? "invoice" : "credit note"}); the owner sets another numbering series before issuing`,
    );
  }
  await insertFact(facts, org.id, issuedFact(doc, totals, record.customer, at, record.reason));
  const issued: InvoiceRecord = {
    ...record,
    state: "issued",
    lines: doc.lines,
    series,
    number: doc.number,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    amountMinor: record.kind === "credit_note" ? totals.totalInclVatMinor : totals.amountDueMinor,
    document: doc,
    issuedBy: by,
    issuedAt: new Date(at).toISOString(),
  };
  if (options.insert) await insertInvoice(db, org.id, issued);
  else await updateInvoice(db, org.id, issued);
  return issued;
}

/** Issues the draft `id`. */
export async function issueInvoice(ctx: InvoiceContext, id: string): Promise<InvoiceRecord> {
  const at = nowOf(ctx);
  const charter = await getCharter(ctx.store, ctx.org.id);
  // Read before the transaction: the series depends on the kind. Checked again inside.
  const before = await inInvoiceTransaction(ctx.store, (db) => requireInvoice(db, ctx.org.id, id));
  requireDraft(before, "issued again");
  const series = await seriesFor(ctx.store.db, ctx.org.id, before.kind, isoDay(at));
  return inInvoiceTransaction(ctx.store, async (db, facts) => {
    // The counter first: on SQLite this write takes the database's lock before any read.
    const value = await allocateNumber(db, ctx.org.id, series);
    const record = await requireInvoice(db, ctx.org.id, id);
    requireDraft(record, "issued again");
    return issueInTransaction(db, facts, ctx.org, charter, record, series, ctx.actor.userId, at, {
      value,
    });
  });
}
