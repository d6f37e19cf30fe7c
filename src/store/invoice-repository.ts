/**
 * Invoices issued in the app (migration 2026-12-07T10-00-invoices): drafts and issued
 * documents, the numbering series and their counters. Every query takes the organization's id.
 * `allocateNumber` is the gap-free part: it must be the first write of the issuing transaction.
 */
import { type Kysely, sql } from "kysely";
import { decodeFact, isoUtc } from "../domain/fact-codec.ts";
import type { CreditNoteFact, PaymentFact } from "../domain/facts.ts";
import type { InvoiceDocument } from "../domain/invoicing/invoice-document.ts";
import type {
  InvoiceKind,
  InvoiceRecord,
  InvoiceState,
} from "../domain/invoicing/invoice-record.ts";
import { orgKey } from "./org-key.ts";
import type { Database } from "./schema.ts";

export type InvoiceTables = {
  invoice_counters: { org_id: string; series: string; last_value: number | string };
  invoice_numbering: {
    org_id: string;
    invoice_series: string;
    credit_note_series: string;
    updated_by: string;
    updated_at: string;
  };
  invoices: {
    org_id: string;
    id: string;
    kind: string;
    status: string;
    customer: string;
    series: string | null;
    number: string | null;
    issue_date: string | null;
    due_date: string | null;
    amount: number | string | null;
    corrects: string | null;
    data: string;
    created_by: string;
    created_at: string;
    issued_by: string | null;
    issued_at: string | null;
  };
};
export type InvoiceDb = Kysely<Database & InvoiceTables>;

export function invoiceDb(db: Kysely<Database>): InvoiceDb {
  return db.withTables<InvoiceTables>();
}

/**
 * The next number of a series, taken inside the caller's transaction: the counter row is
 * created if missing, then incremented and read back in one UPDATE ... RETURNING, which locks
 * the row (PostgreSQL) or takes the database's write lock (SQLite, where this must be the
 * transaction's first statement so that no stale snapshot has been read). Another issuing
 * transaction waits for the commit or rollback; a rollback gives the number back.
 */
export async function allocateNumber(
  db: InvoiceDb,
  orgId: string,
  series: string,
): Promise<number> {
  await db
    .insertInto("invoice_counters")
    .values({ org_id: orgId, series, last_value: 0 })
    .onConflict((oc) => oc.columns(["org_id", "series"]).doNothing())
    .execute();
  const row = await db
    .updateTable("invoice_counters")
    .set({ last_value: sql`last_value + 1` })
    .where("org_id", "=", orgId)
    .where("series", "=", series)
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

/** The last number issued in each series of the organization. */
export async function listCounters(
  db: InvoiceDb,
  orgId: string,
): Promise<{ series: string; lastValue: number }[]> {
  const rows = await db
    .selectFrom("invoice_counters")
    .select(["series", "last_value"])
    .where("org_id", "=", orgId)
    .orderBy("series")
    .execute();
  return rows.map((r) => ({ series: r.series, lastValue: Number(r.last_value) }));
}

export interface NumberingSettings {
  /** Patterns; `{year}` becomes the issue year: "{year}" -> "2026", "AV-{year}" -> "AV-2026". */
  invoiceSeries: string;
  creditNoteSeries: string;
}
export const DEFAULT_NUMBERING: NumberingSettings = {
  invoiceSeries: "{year}",
  creditNoteSeries: "AV-{year}",
};

export async function getNumbering(db: InvoiceDb, orgId: string): Promise<NumberingSettings> {
  const row = await db
    .selectFrom("invoice_numbering")
    .selectAll()
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row
    ? { invoiceSeries: row.invoice_series, creditNoteSeries: row.credit_note_series }
    : { ...DEFAULT_NUMBERING };
}

export async function saveNumbering(
  db: InvoiceDb,
  orgId: string,
  settings: NumberingSettings,
  by: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("invoice_numbering")
    .values({
      org_id: orgId,
      invoice_series: settings.invoiceSeries,
      credit_note_series: settings.creditNoteSeries,
      updated_by: by,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.column("org_id").doUpdateSet({
        invoice_series: settings.invoiceSeries,
        credit_note_series: settings.creditNoteSeries,
        updated_by: by,
        updated_at: at,
      }),
    )
    .execute();
}

interface StoredData {
  lines: InvoiceRecord["lines"];
  references: InvoiceRecord["references"];
  service: InvoiceRecord["service"];
  notes: string[];
  reason: string | null;
  document: InvoiceDocument | null;
}

function toRecord(row: InvoiceTables["invoices"]): InvoiceRecord {
  const data = JSON.parse(row.data) as StoredData;
  return {
    id: row.id,
    kind: row.kind as InvoiceKind,
    state: row.status as InvoiceState,
    customer: row.customer,
    lines: data.lines,
    references: data.references,
    service: data.service,
    notes: data.notes,
    reason: data.reason,
    series: row.series,
    number: row.number,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    amountMinor: row.amount === null ? null : Number(row.amount),
    document: data.document,
    createdBy: row.created_by,
    createdAt: row.created_at,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
  };
}

function toRow(orgId: string, r: InvoiceRecord): InvoiceTables["invoices"] {
  const data: StoredData = {
    lines: r.lines,
    references: r.references,
    service: r.service,
    notes: r.notes,
    reason: r.reason,
    document: r.document,
  };
  return {
    org_id: orgId,
    id: r.id,
    kind: r.kind,
    status: r.state,
    customer: r.customer,
    series: r.series,
    number: r.number,
    issue_date: r.issueDate,
    due_date: r.dueDate,
    amount: r.amountMinor,
    corrects: r.references.correctedInvoice?.number ?? null,
    data: JSON.stringify(data),
    created_by: r.createdBy,
    created_at: r.createdAt,
    issued_by: r.issuedBy,
    issued_at: r.issuedAt,
  };
}

export async function insertInvoice(db: InvoiceDb, orgId: string, r: InvoiceRecord): Promise<void> {
  await db.insertInto("invoices").values(toRow(orgId, r)).execute();
}

export async function updateInvoice(db: InvoiceDb, orgId: string, r: InvoiceRecord): Promise<void> {
  const { org_id: _o, id: _i, ...rest } = toRow(orgId, r);
  await db
    .updateTable("invoices")
    .set(rest)
    .where("org_id", "=", orgId)
    .where("id", "=", r.id)
    .execute();
}

export async function deleteDraft(db: InvoiceDb, orgId: string, id: string): Promise<void> {
  await db
    .deleteFrom("invoices")
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .execute();
}

/** By draft id or by full number. */
export async function findInvoice(
  db: InvoiceDb,
  orgId: string,
  idOrNumber: string,
): Promise<InvoiceRecord | undefined> {
  const row = await db
    .selectFrom("invoices")
    .selectAll()
    .where("org_id", "=", orgId)
    .where((eb) => eb.or([eb("id", "=", idOrNumber), eb("number", "=", idOrNumber)]))
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface InvoiceFilter {
  customer?: string;
  state?: InvoiceState;
  kind?: InvoiceKind;
  /** Issue dates, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

export async function listInvoices(
  db: InvoiceDb,
  orgId: string,
  filter: InvoiceFilter = {},
): Promise<InvoiceRecord[]> {
  let q = db.selectFrom("invoices").selectAll().where("org_id", "=", orgId);
  if (filter.customer) q = q.where("customer", "=", filter.customer);
  if (filter.state) q = q.where("status", "=", filter.state);
  if (filter.kind) q = q.where("kind", "=", filter.kind);
  if (filter.from) q = q.where("issue_date", ">=", filter.from);
  if (filter.to) q = q.where("issue_date", "<=", filter.to);
  const rows = await q
    .orderBy(sql`CASE WHEN status = 'draft' THEN 0 ELSE 1 END`)
    .orderBy("issue_date", "desc")
    .orderBy("number", "desc")
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toRecord);
}

/** Deposit invoices issued for these orders (final invoices draw them down). */
export async function depositsForOrders(
  db: InvoiceDb,
  orgId: string,
  orders: readonly string[],
): Promise<InvoiceRecord[]> {
  if (orders.length === 0) return [];
  const deposits = await listInvoices(db, orgId, { kind: "deposit", state: "issued" });
  return deposits.filter((d) => (d.references.orders ?? []).some((o) => orders.includes(o)));
}

/** Deposit numbers already drawn down by an issued invoice. */
export async function drawnDownDeposits(db: InvoiceDb, orgId: string): Promise<Set<string>> {
  const finals = await listInvoices(db, orgId, { kind: "invoice", state: "issued" });
  return new Set(finals.flatMap((f) => (f.references.deposits ?? []).map((d) => d.number)));
}

export interface Settlements {
  paid: Map<string, number>;
  credited: Map<string, number>;
}

/**
 * What the ledger's payment and credit_note facts take off each invoice (by invoice id):
 * sums in minor units, of the facts dated up to `until` (epoch ms) when given. Corrections
 * of those facts replace their originals.
 */
export async function settlementsOf(
  db: Kysely<Database>,
  orgId: string,
  invoice?: string,
  until?: number,
): Promise<Settlements> {
  let query = db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(orgId))
    .where("type", "in", ["payment", "credit_note"]);
  if (until !== undefined) query = query.where("at", "<=", isoUtc(until));
  const rows = await query.orderBy("seq").execute();
  const latest = new Map<string, PaymentFact | CreditNoteFact>();
  for (const row of rows) {
    const fact = decodeFact(row) as PaymentFact | CreditNoteFact;
    if (invoice !== undefined && fact.invoice !== invoice) continue;
    latest.set(`${fact.type}:${fact.corrects ?? fact.id}`, fact);
  }
  const paid = new Map<string, number>();
  const credited = new Map<string, number>();
  for (const fact of latest.values()) {
    const into = fact.type === "payment" ? paid : credited;
    into.set(fact.invoice, (into.get(fact.invoice) ?? 0) + fact.amount);
  }
  return { paid, credited };
}
