/** Complaints in progress and resolved (workflow state; the ledger gets complaint facts). */
import type { Fault } from "../domain/facts.ts";
import type { Remedy } from "../domain/intake/complaint-rules.ts";
import { type ComplaintTable, fromIso, type IntakeDb, isoOrNull, money } from "./intake-schema.ts";

export interface Complaint {
  id: string;
  customer: string;
  orderId: string | null;
  text: string;
  openedBy: string;
  openedAt: number;
  firstResponseAt: number | null;
  firstResponseText: string | null;
  resolvedAt: number | null;
  fault: Fault | null;
  faultReason: string | null;
  disclosureCode: string | null;
  remedy: Remedy | null;
  remedyAmount: number | null;
  explanation: string | null;
  redoOrderId: string | null;
}

function fromRow(r: ComplaintTable): Complaint {
  return {
    id: r.id,
    customer: r.customer,
    orderId: r.order_id,
    text: r.text,
    openedBy: r.opened_by,
    openedAt: Date.parse(r.opened_at),
    firstResponseAt: fromIso(r.first_response_at),
    firstResponseText: r.first_response_text,
    resolvedAt: fromIso(r.resolved_at),
    fault: r.fault as Fault | null,
    faultReason: r.fault_reason,
    disclosureCode: r.disclosure_code,
    remedy: r.remedy as Remedy | null,
    remedyAmount: money(r.remedy_amount),
    explanation: r.explanation,
    redoOrderId: r.redo_order_id,
  };
}

function toRow(orgId: string, c: Complaint): ComplaintTable {
  return {
    id: c.id,
    org_id: orgId,
    customer: c.customer,
    order_id: c.orderId,
    text: c.text,
    opened_by: c.openedBy,
    opened_at: new Date(c.openedAt).toISOString(),
    first_response_at: isoOrNull(c.firstResponseAt),
    first_response_text: c.firstResponseText,
    resolved_at: isoOrNull(c.resolvedAt),
    fault: c.fault,
    fault_reason: c.faultReason,
    disclosure_code: c.disclosureCode,
    remedy: c.remedy,
    remedy_amount: c.remedyAmount,
    explanation: c.explanation,
    redo_order_id: c.redoOrderId,
  };
}

export async function insertComplaint(db: IntakeDb, orgId: string, c: Complaint): Promise<void> {
  await db.insertInto("complaints").values(toRow(orgId, c)).execute();
}

export async function saveComplaint(db: IntakeDb, orgId: string, c: Complaint): Promise<void> {
  const { id, org_id, ...rest } = toRow(orgId, c);
  await db
    .updateTable("complaints")
    .set(rest)
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

export async function findComplaint(
  db: IntakeDb,
  orgId: string,
  id: string,
): Promise<Complaint | undefined> {
  const row = await db
    .selectFrom("complaints")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function listComplaints(
  db: IntakeDb,
  orgId: string,
  filter: { open?: boolean; orderId?: string; customer?: string } = {},
): Promise<Complaint[]> {
  let query = db.selectFrom("complaints").selectAll().where("org_id", "=", orgId);
  if (filter.open === true) query = query.where("resolved_at", "is", null);
  if (filter.open === false) query = query.where("resolved_at", "is not", null);
  if (filter.orderId) query = query.where("order_id", "=", filter.orderId);
  if (filter.customer) query = query.where("customer", "=", filter.customer);
  const rows = await query.orderBy("opened_at").orderBy("id").limit(500).execute();
  return rows.map(fromRow);
}
