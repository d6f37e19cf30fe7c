/**
 * The search params each page keeps in its address, validated by the router before a page
 * reads them (`validateSearch`). A value the page does not know is dropped rather than
 * refused, so an old or hand-edited link still opens the page, without that filter.
 * @example customersSearch.parse({ segment: "watch", page: "2" }) // { segment: "watch", page: 2 }
 */
import * as z from "zod/mini";
import { ORDER_STATUSES } from "../../../src/domain/intake/order-status.ts";
import { SEGMENTS } from "../../../src/domain/scorecard/segments.ts";
import { CUSTOMER_SORTS } from "../../../src/http/routes/customers/contract-sorts.ts";

/** An optional value, or nothing when it does not fit. */
function loose<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const customersSearch = z.object({
  q: loose(text(200)),
  /** A segment, or `prospect` for customers without one. */
  segment: loose(z.enum([...SEGMENTS, "prospect"])),
  signal: loose(text(40)),
  sort: loose(z.enum(CUSTOMER_SORTS)),
  dir: loose(z.enum(["asc", "desc"])),
  page: loose(z.coerce.number().check(z.int(), z.minimum(1))),
  /** `only`: the archived customers (docs/customers.md), hidden otherwise. */
  archived: loose(z.literal("only")),
});
export type CustomersSearch = z.infer<typeof customersSearch>;

/** Where to go once signed in: a path of ours, never another site (`//evil.example`). */
export const signInSearch = z.object({
  next: loose(text(2000).check(z.regex(/^\/(?!\/)/))),
});

/** The token of a mailed or printed link (verification, reset, setup). */
export const tokenSearch = z.object({ token: loose(text(4000)) });

export const intakeListSearch = z.object({ status: loose(z.enum(ORDER_STATUSES)) });

/** `?photos=failed` after a new order whose photos could not be sent. */
export const intakeSearch = z.object({ photos: loose(z.literal("failed")) });

/** The order a complaint or a return is about, when the page opens from it. */
/** The invoices list: its status filter. */
export const invoicesSearch = z.object({
  status: loose(z.enum(["draft", "issued", "overdue", "paid"])),
});
export const orderSearch = z.object({ order: loose(text(200)) });

/** The customer an incident is about, when the form opens from the customer's page. */
export const incidentSearch = z.object({ customer: loose(text(200)) });

/**
 * Search params read as plain strings (`?segment=watch&page=2`, not the router's default JSON
 * values such as `?page=2&q=%22123%22`): the schemas above coerce what needs it.
 */
export function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

/** The reverse of `parseSearch`: empty values are left out, so defaults make short links. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
