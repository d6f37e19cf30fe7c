/**
 * What the invoice use cases share: the context (who acts, the clock), a transaction with
 * both the invoice tables and the ledger, loading a record of the organization, and the
 * document an issued record carries (seller identity, buyer, dates, terms, as of that day).
 */
import type { Kysely } from "kysely";
import type { Charter } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { buyerFromCustomer } from "../../domain/invoicing/invoice-buyer.ts";
import {
  dueDateFor,
  exemptionFor,
  formatNumber,
  type InvoiceDocument,
  paymentTermsFor,
} from "../../domain/invoicing/invoice-document.ts";
import { type InvoiceRecord, isoDay } from "../../domain/invoicing/invoice-record.ts";
import type { Lang, OrganizationIdentity } from "../../domain/organization-identity.ts";
import type { Role } from "../../domain/policies.ts";
import { findCustomer } from "../../store/customer-records.ts";
import type { Store } from "../../store/database.ts";
import { findIdentity } from "../../store/identity-repository.ts";
import {
  findInvoice,
  getNumbering,
  type InvoiceDb,
  invoiceDb,
} from "../../store/invoice-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";
import type { Database } from "../../store/schema.ts";

export interface InvoiceContext {
  store: Store;
  org: Organization;
  actor: { userId: string; role: Role };
  /** The clock (epoch ms); tests set it. */
  now?: number;
}

export const nowOf = (ctx: { now?: number }) => ctx.now ?? Date.now();

/** Runs `work` in one transaction: `db` for the invoice tables, `facts` for the ledger. */
export async function inInvoiceTransaction<T>(
  store: Store,
  work: (db: InvoiceDb, facts: Store) => Promise<T>,
): Promise<T> {
  return store.db.transaction().execute((trx) => work(invoiceDb(trx), { ...store, db: trx }));
}

export async function requireInvoice(
  db: InvoiceDb,
  orgId: string,
  idOrNumber: string,
): Promise<InvoiceRecord> {
  const found = await findInvoice(db, orgId, idOrNumber);
  if (!found)
    throw new AppError("NOT_FOUND", `id: no invoice "${idOrNumber}" in this organization`);
  return found;
}

/** Refuses any change to an issued document: a credit note corrects it. */
export function requireDraft(record: InvoiceRecord, what: string): void {
  if (record.state !== "draft") {
    throw new AppError(
      "INVOICE_ISSUED",
      `id: invoice ${record.number} is issued and cannot be ${what}; issue a credit note to correct it`,
    );
  }
}

export async function requireCustomer(
  store: Store,
  orgId: string,
  id: string,
): Promise<CustomerFact> {
  const customer = await findCustomer(store, orgId, id);
  if (!customer) throw new AppError("CUSTOMER_NOT_FOUND", `customer: no customer "${id}"`);
  return customer;
}

/** The series a document of this kind issued on this day goes into. */
export async function seriesFor(
  db: Kysely<Database>,
  orgId: string,
  kind: InvoiceRecord["kind"],
  issueDate: string,
): Promise<string> {
  const numbering = await getNumbering(invoiceDb(db), orgId);
  const pattern = kind === "credit_note" ? numbering.creditNoteSeries : numbering.invoiceSeries;
  return pattern.replaceAll("{year}", issueDate.slice(0, 4));
}

function bareIdentity(org: Organization): OrganizationIdentity {
  return {
    legalName: org.name,
    legalForm: null,
    address: null,
    siren: null,
    siret: null,
    vatNumber: null,
    vatFranchise: false,
    registration: null,
    shareCapital: null,
    email: null,
    phone: null,
    website: null,
  };
}

/** The organization's language for documents without a customer language. */
export const orgLang = (org: Organization): Lang => (org.lang === "en" ? "en" : "fr");

/**
 * The document of a record issued now under `number`: the identity in force, the buyer as
 * the customer record stands, VAT exemption from both, due date from the charter (60 days at
 * most), the charter's payment terms.
 */
export async function buildDocument(
  facts: Store,
  org: Organization,
  charter: Charter,
  record: InvoiceRecord,
  series: string,
  value: number,
  at: number,
): Promise<InvoiceDocument> {
  const issueDate = isoDay(at);
  const seller = (await findIdentity(facts.db, org.id))?.identity ?? bareIdentity(org);
  const customer = await requireCustomer(facts, org.id, record.customer);
  const buyer = buyerFromCustomer(customer);
  const vatExemption = exemptionFor(seller, buyer);
  const lang: Lang =
    customer.lang === "en" || customer.lang === "fr" ? customer.lang : orgLang(org);
  const extra = charter as unknown as Record<string, unknown>;
  return {
    kind: record.kind,
    series,
    number: formatNumber(series, value),
    issueDate,
    service: record.service ?? { date: issueDate },
    dueDate:
      record.kind === "credit_note" ? issueDate : dueDateFor(issueDate, charter.payment_terms_days),
    currency: charter.currency,
    lang,
    seller,
    buyer,
    lines: record.lines.map((l) => (vatExemption ? { ...l, vatRate: 0 } : l)),
    references: record.references,
    vatExemption,
    paymentTerms: paymentTermsFor(buyer.kind, {
      currency: charter.currency,
      latePenaltyRate:
        typeof extra.late_penalty_rate === "string" ? extra.late_penalty_rate : undefined,
    }),
    notes: record.notes,
  };
}
