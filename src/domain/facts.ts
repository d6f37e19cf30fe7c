/**
 * The ledger's facts, as the domain sees them (spec section 1).
 *
 * Conventions used everywhere in the domain:
 * - instants are epoch milliseconds (UTC); a date-only value `2026-03-01` is midnight UTC;
 * - money is an integer number of minor units of the charter currency (cents for EUR);
 * - field names are the spec's own (`list_price`, `warranty_days`, ...), so that a fact reads
 *   like the line it was imported from;
 * - `extra` keeps the unknown fields of the imported line, untouched; scoring ignores them.
 */

export const FACT_TYPES = [
  "customer",
  "order",
  "time",
  "revision",
  "chase",
  "invoice",
  "payment",
  "credit_note",
  "reminder",
  "return",
  "complaint",
  "incident",
  "feedback",
] as const;
export type FactType = (typeof FACT_TYPES)[number];

export const TIME_ACTIVITIES = [
  "work",
  "chasing",
  "revision",
  "complaint",
  "negotiation",
  "admin",
] as const;
export type TimeActivity = (typeof TIME_ACTIVITIES)[number];

export const RETURN_KINDS = ["exchange", "refund", "repair"] as const;
export const FAULTS = ["ours", "customer", "material", "shared", "unknown"] as const;
export type Fault = (typeof FAULTS)[number];
export const REMEDIES = ["discount", "redo", "refund", "none"] as const;
export const FEEDBACK_SOURCES = ["customer", "prospect", "churned"] as const;

export interface Disclosure {
  code: string;
  text: string;
  /** Epoch ms, absent while the customer has not acknowledged it. */
  acknowledged_at?: number;
}

interface Base {
  id: string;
  /** Epoch ms UTC. */
  at: number;
  /** Unknown fields of the imported line, kept as they came. */
  extra?: Record<string, unknown>;
  /** The id of an earlier fact of the same type that this one corrects (see corrections.ts). */
  corrects?: string;
}

export interface CustomerFact extends Base {
  type: "customer";
  name: string;
  kind?: "person" | "business";
  email?: string;
  phone?: string;
  status: "prospect" | "active";
  lang?: string;
}

export interface OrderFact extends Base {
  type: "order";
  customer: string;
  price: number;
  list_price: number;
  cost: number;
  service?: string;
  description?: string;
  included_revisions?: number;
  warranty_days?: number;
  due?: number;
  delivered?: number;
  disclosures?: Disclosure[];
}

export interface TimeFact extends Base {
  type: "time";
  customer: string;
  minutes: number;
  activity: TimeActivity;
  order?: string;
  staff?: string;
}

export interface RevisionFact extends Base {
  type: "revision";
  customer: string;
  order: string;
  text?: string;
}

export interface ChaseFact extends Base {
  type: "chase";
  customer: string;
  order?: string;
  text?: string;
}

export interface InvoiceFact extends Base {
  type: "invoice";
  customer: string;
  amount: number;
  due: number;
  order?: string;
}

export interface PaymentFact extends Base {
  type: "payment";
  customer: string;
  invoice: string;
  amount: number;
}

/**
 * Lowers what an invoice leaves due (spec section 1): not revenue, and not a second cut in the
 * margin when a complaint's `remedy_amount` already made it.
 */
export interface CreditNoteFact extends Base {
  type: "credit_note";
  customer: string;
  invoice: string;
  amount: number;
  reason?: string;
}

export interface ReminderFact extends Base {
  type: "reminder";
  customer: string;
  invoice: string;
  level: 1 | 2 | 3;
}

export interface ReturnFact extends Base {
  type: "return";
  customer: string;
  order: string;
  kind: (typeof RETURN_KINDS)[number];
  /** Epoch ms; when absent, scoring derives it from the order (delivered or at, + warranty_days). */
  warranty_end?: number;
  reason?: string;
}

export interface ComplaintFact extends Base {
  type: "complaint";
  customer: string;
  order?: string;
  text?: string;
  first_response?: number;
  resolved?: number;
  fault?: Fault;
  remedy?: (typeof REMEDIES)[number];
  remedy_amount?: number;
}

export interface IncidentFact extends Base {
  type: "incident";
  customer: string;
  severity: 1 | 2 | 3;
  staff?: string;
  text?: string;
}

export interface FeedbackFact extends Base {
  type: "feedback";
  source: (typeof FEEDBACK_SOURCES)[number];
  customer?: string;
  score?: number;
  text?: string;
  lang?: string;
}

export type Fact =
  | CustomerFact
  | OrderFact
  | TimeFact
  | RevisionFact
  | ChaseFact
  | InvoiceFact
  | PaymentFact
  | CreditNoteFact
  | ReminderFact
  | ReturnFact
  | ComplaintFact
  | IncidentFact
  | FeedbackFact;

export type FactOf<T extends FactType> = Extract<Fact, { type: T }>;

/** The customer a fact belongs to, if any (customer facts belong to themselves). */
export function factCustomer(fact: Fact): string | undefined {
  return fact.type === "customer" ? fact.id : fact.customer;
}
