/**
 * The customers list's sortable columns: a value the web app imports (its search params) as
 * well as the contract, apart from the zod schemas so that they stay out of the bundle.
 */
export const CUSTOMER_SORTS = [
  "name",
  "id",
  "segment",
  "revenue",
  "margin",
  "orders",
  "outstanding",
  "outstanding_total",
] as const;
