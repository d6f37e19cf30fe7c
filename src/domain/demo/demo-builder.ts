/**
 * Writes the demo's facts as import lines (spec section 1): decimal euros, dates as
 * `YYYY-MM-DD`, instants as Paris date-times with their offset, spec field names. Days are
 * offsets from the day the demo is loaded (`-30` is thirty days ago).
 */
import { type DemoClock, demoClock } from "./demo-clock.ts";
import type { Billing, ComplaintInput, CustomerInput, DemoLine, SaleInput } from "./demo-inputs.ts";
import type { Staff } from "./demo-services.ts";
import { seededRandom } from "./seeded-random.ts";

export type { DemoLine } from "./demo-inputs.ts";

const cents = (euros: number) => Math.round(euros * 100);
const euros = (amount: number) => amount / 100;

export class DemoBuilder {
  readonly clock: DemoClock;
  private readonly random = seededRandom(20_260_301);
  private readonly out: { line: DemoLine; sortKey: string }[] = [];
  private readonly counters = new Map<string, number>();
  private readonly invoices = new Map<string, string>();

  constructor(today: string) {
    this.clock = demoClock(today);
  }

  customer(input: CustomerInput): string {
    const id = `c-${input.key}`;
    this.push(0, input.since, {
      type: "customer",
      id,
      at: this.clock.date(input.since),
      name: input.name,
      kind: input.kind ?? "person",
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      status: input.status ?? "active",
      lang: "fr",
    });
    return id;
  }

  /** An order with its work time and, once delivered, its invoice and payment. Returns the order id. */
  sale(customer: string, input: SaleInput): string {
    const { item, day } = input;
    const id = this.nextId("ord", customer);
    const price = cents(input.price ?? item.price);
    const listPrice = input.listPrice === undefined ? undefined : cents(input.listPrice);
    const deliveredDay = day + (input.turnaround ?? 3);
    const delivered = deliveredDay < 0;
    this.push(1, day, {
      type: "order",
      id,
      at: this.clock.dateTime(day, this.hour(9, 12)),
      customer,
      service: item.service,
      description: input.description ?? item.description,
      price: euros(price),
      ...(listPrice === undefined ? {} : { list_price: euros(listPrice) }),
      cost: input.cost ?? item.cost,
      ...(input.includedRevisions === undefined
        ? {}
        : { included_revisions: input.includedRevisions }),
      ...(input.warrantyDays === undefined ? {} : { warranty_days: input.warrantyDays }),
      due: this.clock.date(deliveredDay),
      ...(delivered ? { delivered: this.clock.dateTime(deliveredDay, this.hour(16, 19)) } : {}),
      ...(input.disclosure
        ? {
            disclosures: [
              { ...input.disclosure, acknowledged_at: this.clock.dateTime(day, this.hour(9, 12)) },
            ],
          }
        : {}),
    });
    const minutes = input.minutes ?? item.minutes;
    this.time(customer, day, "work", this.jitter(minutes), { order: id, staff: item.staff });
    const billing = input.billing ?? "counter";
    if (delivered && billing !== "manual") this.bill(customer, id, deliveredDay, price, billing);
    return id;
  }

  /** The invoice `sale` issued for an order. */
  invoiceOf(order: string): string {
    const invoice = this.invoices.get(order);
    if (!invoice) throw new Error(`order ${order} has no invoice yet`);
    return invoice;
  }

  invoice(customer: string, day: number, amount: number, dueDay: number, order?: string): string {
    const id = this.nextId("inv", customer);
    this.push(2, day, {
      type: "invoice",
      id,
      at: this.clock.date(day),
      customer,
      amount,
      due: this.clock.date(dueDay),
      ...(order ? { order } : {}),
    });
    return id;
  }

  payment(customer: string, invoice: string, day: number, amount: number): string {
    const id = this.nextId("pay", customer);
    this.push(3, day, { type: "payment", id, at: this.clock.date(day), customer, invoice, amount });
    return id;
  }

  reminder(customer: string, invoice: string, day: number, level: 1 | 2 | 3): string {
    const id = this.nextId("rem", customer);
    this.push(3, day, { type: "reminder", id, at: this.clock.date(day), customer, invoice, level });
    this.time(customer, day, "admin", level === 3 ? 45 : 10, { staff: "Karine" });
    return id;
  }

  time(
    customer: string,
    day: number,
    activity: "work" | "chasing" | "revision" | "complaint" | "negotiation" | "admin",
    minutes: number,
    options: { order?: string; staff?: Staff } = {},
  ): string {
    const id = this.nextId("tim", customer);
    this.push(3, day, {
      type: "time",
      id,
      at: this.clock.dateTime(day, this.hour(10, 17)),
      customer,
      minutes,
      activity,
      ...(options.order ? { order: options.order } : {}),
      ...(options.staff ? { staff: options.staff } : {}),
    });
    return id;
  }

  revision(customer: string, order: string, day: number, text: string, minutes = 30): string {
    const id = this.nextId("rev", customer);
    this.push(3, day, { type: "revision", id, at: this.clock.date(day), customer, order, text });
    this.time(customer, day, "revision", minutes, { order, staff: "Thomas" });
    return id;
  }

  chase(customer: string, day: number, text: string, order?: string): string {
    const id = this.nextId("chs", customer);
    this.push(3, day, {
      type: "chase",
      id,
      at: this.clock.date(day),
      customer,
      ...(order ? { order } : {}),
      text,
    });
    this.time(customer, day, "chasing", 10, { ...(order ? { order } : {}), staff: "Karine" });
    return id;
  }

  /** A return; `afterDelivery` counts days from the order's delivery (warranty end derives from it). */
  returnOf(
    customer: string,
    order: string,
    day: number,
    kind: "exchange" | "refund" | "repair",
    reason: string,
    minutes = 10,
  ): string {
    const id = this.nextId("ret", customer);
    this.push(3, day, {
      type: "return",
      id,
      at: this.clock.date(day),
      customer,
      order,
      kind,
      reason,
    });
    this.time(customer, day, "complaint", minutes, { order, staff: "Karine" });
    return id;
  }

  complaint(customer: string, day: number, input: ComplaintInput): string {
    const id = this.nextId("cmp", customer);
    this.push(3, day, {
      type: "complaint",
      id,
      at: this.clock.dateTime(day, this.hour(10, 17)),
      customer,
      ...(input.order ? { order: input.order } : {}),
      text: input.text,
      first_response: this.clock.dateTime(day, "18:00"),
      ...(day + 3 < 0 ? { resolved: this.clock.dateTime(day + 3, "17:00") } : {}),
      fault: input.fault,
      remedy: input.remedy,
      ...(input.remedyAmount === undefined ? {} : { remedy_amount: input.remedyAmount }),
    });
    if (input.minutes) {
      this.time(customer, day, "complaint", input.minutes, {
        ...(input.order ? { order: input.order } : {}),
        staff: input.staff ?? "Karine",
      });
    }
    return id;
  }

  incident(customer: string, day: number, severity: 1 | 2 | 3, staff: Staff, text: string): string {
    const id = this.nextId("inc", customer);
    this.push(3, day, {
      type: "incident",
      id,
      at: this.clock.dateTime(day, this.hour(10, 18)),
      customer,
      severity,
      staff,
      text,
    });
    return id;
  }

  feedback(
    day: number,
    source: "customer" | "prospect" | "churned",
    score: number | null,
    text: string,
    options: { customer?: string; lang?: "fr" | "en" } = {},
  ): string {
    const id = this.nextId("fb", options.customer ?? source);
    this.push(3, day, {
      type: "feedback",
      id,
      at: this.clock.date(day),
      source,
      ...(options.customer ? { customer: options.customer } : {}),
      ...(score === null ? {} : { score }),
      text,
      lang: options.lang ?? "fr",
    });
    return id;
  }

  /** Customers first, then orders, invoices and everything else, each group by date. */
  lines(): DemoLine[] {
    return [...this.out].sort((a, b) => a.sortKey.localeCompare(b.sortKey)).map((o) => o.line);
  }

  private bill(
    customer: string,
    order: string,
    day: number,
    price: number,
    billing: Billing,
  ): void {
    if (billing === "manual") return;
    if (billing === "counter") {
      const invoice = this.invoice(customer, day, euros(price), day, order);
      this.invoices.set(order, invoice);
      this.payment(customer, invoice, day, euros(price));
      return;
    }
    const due = day + billing.terms;
    const invoice = this.invoice(customer, day, euros(price), due, order);
    this.invoices.set(order, invoice);
    const deposit = cents(billing.partial ?? 0);
    if (deposit > 0) this.payment(customer, invoice, day, euros(deposit));
    if (billing.paidAfterDue !== null && due + billing.paidAfterDue < 0) {
      this.payment(customer, invoice, due + billing.paidAfterDue, euros(price - deposit));
    }
  }

  private push(group: number, day: number, line: DemoLine): void {
    // Offsets stay within ±9999 days; padding keeps the text sort chronological.
    const sortKey = `${group}:${String(day + 10_000).padStart(5, "0")}:${String(this.out.length).padStart(5, "0")}`;
    this.out.push({ line, sortKey });
  }

  private nextId(prefix: string, owner: string): string {
    const base = `${prefix}-${owner.replace(/^c-/, "")}`;
    const n = (this.counters.get(base) ?? 0) + 1;
    this.counters.set(base, n);
    return `${base}-${n}`;
  }

  private jitter(minutes: number): number {
    return Math.max(1, Math.round(minutes * (0.95 + this.random() * 0.1)));
  }

  private hour(from: number, to: number): string {
    const h = from + Math.floor(this.random() * (to - from));
    const m = Math.floor(this.random() * 4) * 15;
    return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
  }
}
