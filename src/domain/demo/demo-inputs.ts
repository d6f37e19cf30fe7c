/** What the cast tells the demo builder: customers, sales and complaints in the shop's words. */
import type { ServiceItem, Staff } from "./demo-services.ts";

export type DemoLine = Record<string, unknown>;

export interface CustomerInput {
  /** Short key; the customer's id is `c-<key>` and its facts' ids derive from it. */
  key: string;
  name: string;
  kind?: "person" | "business";
  /** Day the customer was first recorded. */
  since: number;
  status?: "prospect";
  email?: string;
  phone?: string;
}

/** How an order is billed. */
export type Billing =
  /** Invoiced and paid at the counter when the work is collected. */
  | "counter"
  /** Billed separately by the caller (installments, deposits). */
  | "manual"
  /** Invoiced on delivery with payment terms; paid `paidAfterDue` days after the due date
   * (negative: early), or left open when `null`. */
  | { terms: number; paidAfterDue: number | null; partial?: number };

export interface SaleInput {
  day: number;
  item: ServiceItem;
  /** Overrides of the price-list values. */
  price?: number;
  listPrice?: number;
  cost?: number;
  minutes?: number;
  description?: string;
  /** Days from order to delivery (default 3); an order not yet delivered has no invoice. */
  turnaround?: number;
  warrantyDays?: number;
  includedRevisions?: number;
  billing?: Billing;
  disclosure?: { code: string; text: string };
}

export interface ComplaintInput {
  order?: string;
  text: string;
  fault: "ours" | "customer" | "material" | "shared" | "unknown";
  remedy: "discount" | "redo" | "refund" | "none";
  remedyAmount?: number;
  /** Minutes spent handling it, logged as `complaint` time. */
  minutes?: number;
  staff?: Staff;
}
