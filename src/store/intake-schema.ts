/**
 * Table types of the intake workflow (migration 2026-11-22T09-00-intake), kept apart from
 * schema.ts and added to a Kysely instance with `withTables`. Every table has `org_id`.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

type Money = number | string;

export interface CatalogueServiceTable {
  id: string;
  org_id: string;
  code: string;
  lang: string;
  name: string;
  description: string | null;
  price: Money;
  cost: Money;
  minutes: number;
  included_revisions: number;
  warranty_days: number;
  /** JSON `[{code, text}]`. */
  risks: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface IntakeOrderTable {
  id: string;
  org_id: string;
  customer: string;
  status: string;
  service_id: string | null;
  service: string | null;
  item: string;
  /** JSON `{material?, condition?, notes?}`. */
  observations: string;
  /** JSON `{kind, text?}`. */
  advice: string | null;
  list_price: Money | null;
  price: Money | null;
  cost: Money;
  minutes: number;
  deposit: Money;
  due: string | null;
  included_revisions: number;
  warranty_days: number;
  quote_confirmed_by: string | null;
  redo_of: string | null;
  decline_reason: string | null;
  created_by: string;
  created_at: string;
  accepted_at: string | null;
  delivered_at: string | null;
  closed_at: string | null;
  declined_at: string | null;
}

export interface IntakeQuestionTable {
  id: string;
  org_id: string;
  order_id: string;
  text: string;
  asked_at: string;
  answer: string | null;
  answered_at: string | null;
  answered_via: string | null;
  reviewed_at: string | null;
}

export interface IntakeDisclosureTable {
  id: string;
  org_id: string;
  order_id: string;
  position: number;
  code: string;
  text: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_via: string | null;
  /** A drawn signature (data URL), when the customer signed on the counter's pad. */
  signature: string | null;
}

export interface IntakeAckLinkTable {
  id: string;
  org_id: string;
  order_id: string;
  /** SHA-256 of the secret in the link; the secret itself is never stored. */
  token_hash: string;
  email: string | null;
  lang: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface IntakePhotoTable {
  id: string;
  org_id: string;
  order_id: string;
  content_type: string;
  size: number;
  /** Base64, so that one text column works on both dialects. */
  data: string;
  created_at: string;
}

export interface ComplaintTable {
  id: string;
  org_id: string;
  customer: string;
  order_id: string | null;
  text: string;
  opened_by: string;
  opened_at: string;
  first_response_at: string | null;
  first_response_text: string | null;
  resolved_at: string | null;
  fault: string | null;
  fault_reason: string | null;
  disclosure_code: string | null;
  remedy: string | null;
  remedy_amount: Money | null;
  explanation: string | null;
  redo_order_id: string | null;
}

export interface InboxDoneTable {
  org_id: string;
  kind: string;
  ref: string;
  done_by: string;
  done_at: string;
}

// A type alias (not an interface): withTables wants an index-compatible record.
export type IntakeTables = {
  catalogue_services: CatalogueServiceTable;
  intake_orders: IntakeOrderTable;
  intake_questions: IntakeQuestionTable;
  intake_disclosures: IntakeDisclosureTable;
  intake_ack_links: IntakeAckLinkTable;
  intake_photos: IntakePhotoTable;
  complaints: ComplaintTable;
  inbox_done: InboxDoneTable;
};

export type IntakeDb = Kysely<Database & IntakeTables>;

/** The store's database with the intake tables typed (works on a transaction too). */
export function intakeDb(db: Kysely<Database>): IntakeDb {
  return db.withTables<IntakeTables>();
}

export const toIso = (ms: number) => new Date(ms).toISOString();
export const fromIso = (text: string | null): number | null =>
  text === null ? null : Date.parse(text);
export const isoOrNull = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : toIso(ms);
export const money = (value: Money | null): number | null =>
  value === null ? null : Number(value);
