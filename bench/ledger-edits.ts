/**
 * Corrections and redos for the synthetic ledger (generate-ledger.ts, option `edits`), so that
 * the DuckDB cross-check (duckdb-signals.ts) covers those paths too:
 * - corrections (spec section 1): a new fact with `corrects` and the whole corrected content,
 *   of customers (a prospect becoming active, a new name), orders (price, so discounts and
 *   revenue change; a later date; a correction of a correction; one dated after the as-of
 *   date, not known yet), complaints (fault and remedy), invoices, payments, incidents and
 *   feedback;
 * - free redos (docs/intake.md): a complaint opened without a fault, resolved by a
 *   correction with `remedy: "redo"` and `redo_order`, the zero-price redo order
 *   (`redo_of`) and the time logged on it.
 */

export type Line = Record<string, unknown>;

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dateOf = (line: Line) => Date.parse(String(line.at).slice(0, 10));
const cents = (v: number) => Math.round(v * 100) / 100;

/**
 * The edits of one customer, given the customer's lines (its customer fact first), a random
 * stream and the as-of instant (`end`, noon UTC of the as-of date).
 */
export function customerEdits(lines: readonly Line[], rnd: () => number, end: number): Line[] {
  const out: Line[] = [];
  const [customer] = lines;
  const fix = (line: Line, suffix: string, changes: Line): Line => {
    const correction = { ...line, ...changes, id: `${line.id}~${suffix}`, corrects: line.id };
    out.push(correction);
    return correction;
  };
  if (customer.status === "prospect" ? rnd() < 0.5 : rnd() < 0.02) {
    // A prospect becomes active; an active customer is renamed (still the same customer).
    fix(customer, "fix", { status: "active", name: `${customer.name} (fixed)` });
  }
  for (const line of lines) {
    const r = rnd();
    switch (line.type) {
      case "order": {
        if (String(line.id).endsWith("-whale")) break;
        const list = line.list_price as number;
        if (r < 0.08) {
          const first = fix(line, "1", { price: cents(list * (1 - 0.3 * rnd())) });
          // A correction of a correction, same date: it still replaces the original.
          if (rnd() < 0.3) fix(first, "2", { price: cents(list * (1 - 0.3 * rnd())) });
        } else if (r < 0.1) {
          // Moved later (if still known by the as-of date), or dated after it: not known yet.
          const at = dateOf(line) + Math.floor(rnd() * 200) * DAY;
          fix(line, "moved", { at: day(at), price: cents(list * 0.5) });
        } else if (r < 0.14) {
          redo(line, rnd, end, out);
        }
        break;
      }
      case "complaint":
        if (r < 0.3) {
          const fault = line.fault === "customer" ? "ours" : "customer";
          fix(line, "fault", { fault, remedy_amount: cents((line.remedy_amount as number) / 2) });
        }
        break;
      case "invoice":
        if (r < 0.05) fix(line, "amount", { amount: cents((line.amount as number) * 1.5) });
        break;
      case "payment":
        if (r < 0.04) fix(line, "amount", { amount: cents((line.amount as number) / 2) });
        break;
      case "incident":
        if (r < 0.3) fix(line, "severity", { severity: 1 + Math.floor(rnd() * 3) });
        break;
      case "feedback":
        if (r < 0.2) fix(line, "score", { score: Math.floor(rnd() * 11) });
        break;
    }
  }
  return out;
}

/** A complaint on `order` resolved by a free redo, as the intake writes it. */
function redo(order: Line, rnd: () => number, end: number, out: Line[]): void {
  const at = Math.min(end, dateOf(order) + 12 * DAY);
  const complaint = {
    type: "complaint",
    id: `${order.id}-rk`,
    customer: order.customer,
    order: order.id,
    at: day(at),
    text: "not as agreed",
  };
  const redoId = `${order.id}-redo`;
  const fault = (["ours", "material", "customer"] as const)[Math.floor(rnd() * 3)];
  out.push(
    complaint,
    {
      ...complaint,
      id: `${complaint.id}~resolved`,
      corrects: complaint.id,
      fault,
      remedy: "redo",
      remedy_amount: 0,
      redo_order: redoId,
    },
    {
      type: "order",
      id: redoId,
      customer: order.customer,
      at: day(at),
      price: 0,
      list_price: 0,
      redo_of: order.id,
    },
    {
      type: "time",
      id: `${redoId}-t`,
      customer: order.customer,
      order: redoId,
      at: day(at),
      minutes: 60 + Math.floor(rnd() * 600),
      activity: "work",
    },
  );
}
