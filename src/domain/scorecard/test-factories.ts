/** Small builders for scorecard tests: every fact belongs to customer `c1` unless told. */
import { type Charter, resolveCharter } from "../charter.ts";
import type { Fact, FactOf } from "../facts.ts";
import { type Assessment, assessCustomer, type ScoringContext } from "./assess-customer.ts";
import { finalizeScorecard, type Scorecard } from "./finalize-scorecard.ts";
import { portfolioTotals } from "./portfolio-totals.ts";
import type { SignalCode } from "./signal-codes.ts";

/** The as-of instant of most tests: the end of 2026-03-01, as the CLI sets it. */
export const AS_OF = Date.parse("2026-03-01T23:59:59.999Z");

/** A date (midnight UTC) or date-time, as epoch ms: `at("2026-01-15")`. */
export const at = (text: string) => Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);

/** `days` before (negative) or after AS_OF's day, at noon UTC. */
export const day = (days: number) => at("2026-03-01T12:00:00Z") + days * 86_400_000;

let seq = 0;
const nextId = (prefix: string) => `${prefix}${++seq}`;

type Input<T extends Fact["type"]> = Partial<Omit<FactOf<T>, "type">>;

export function buildCustomer(input: Input<"customer"> = {}): FactOf<"customer"> {
  return {
    type: "customer",
    id: "c1",
    at: at("2025-06-01"),
    name: "Alice Martin",
    status: "active",
    ...input,
  };
}

export function buildOrder(input: Input<"order"> = {}): FactOf<"order"> {
  const price = input.price ?? 100_00;
  return {
    type: "order",
    id: nextId("o"),
    at: day(-30),
    customer: "c1",
    price,
    list_price: input.list_price ?? price,
    cost: 0,
    ...input,
  };
}

export function buildTime(input: Input<"time"> = {}): FactOf<"time"> {
  return {
    type: "time",
    id: nextId("t"),
    at: day(-30),
    customer: "c1",
    minutes: 60,
    activity: "work",
    ...input,
  };
}

export function buildRevision(input: Input<"revision"> & { order: string }): FactOf<"revision"> {
  return { type: "revision", id: nextId("rv"), at: day(-20), customer: "c1", ...input };
}

export function buildChase(input: Input<"chase"> = {}): FactOf<"chase"> {
  return { type: "chase", id: nextId("ch"), at: day(-20), customer: "c1", ...input };
}

export function buildInvoice(input: Input<"invoice"> = {}): FactOf<"invoice"> {
  return {
    type: "invoice",
    id: nextId("i"),
    at: day(-60),
    customer: "c1",
    amount: 100_00,
    due: day(-30),
    ...input,
  };
}

export function buildPayment(input: Input<"payment"> & { invoice: string }): FactOf<"payment"> {
  return {
    type: "payment",
    id: nextId("p"),
    at: day(-30),
    customer: "c1",
    amount: 100_00,
    ...input,
  };
}

export function buildCreditNote(
  input: Input<"credit_note"> & { invoice: string },
): FactOf<"credit_note"> {
  return {
    type: "credit_note",
    id: nextId("a"),
    at: day(-20),
    customer: "c1",
    amount: 100_00,
    ...input,
  };
}

export function buildReminder(input: Input<"reminder"> & { invoice: string }): FactOf<"reminder"> {
  return { type: "reminder", id: nextId("rm"), at: day(-10), customer: "c1", level: 1, ...input };
}

export function buildReturn(input: Input<"return"> & { order: string }): FactOf<"return"> {
  return {
    type: "return",
    id: nextId("r"),
    at: day(-10),
    customer: "c1",
    kind: "exchange",
    ...input,
  };
}

export function buildComplaint(input: Input<"complaint"> = {}): FactOf<"complaint"> {
  return {
    type: "complaint",
    id: nextId("cp"),
    at: day(-10),
    customer: "c1",
    fault: "customer",
    ...input,
  };
}

export function buildIncident(input: Input<"incident"> = {}): FactOf<"incident"> {
  return {
    type: "incident",
    id: nextId("in"),
    at: day(-10),
    customer: "c1",
    severity: 1,
    ...input,
  };
}

export function buildFeedback(input: Input<"feedback"> = {}): FactOf<"feedback"> {
  return {
    type: "feedback",
    id: nextId("f"),
    at: day(-10),
    customer: "c1",
    source: "customer",
    ...input,
  };
}

/** A scoring context as of AS_OF with the default charter changed by `patch`. */
export function buildContext(
  patch: Partial<Charter> = {},
  lang: "fr" | "en" = "en",
): ScoringContext {
  return { charter: resolveCharter(patch), asOf: AS_OF, lang };
}

/** Assesses customer c1 (or the given customer record) alone. */
export function assess(
  facts: Fact[],
  patch: Partial<Charter> = {},
  customer = buildCustomer(),
): Assessment {
  return assessCustomer(customer, facts, buildContext(patch));
}

/** The signal codes of an assessment or scorecard. */
export const codes = (card: { signals: { code: SignalCode }[] }) => card.signals.map((s) => s.code);

/** Scores several customers together, as the caller does: assess, total, finalize. */
export function scoreAll(
  customers: { customer: FactOf<"customer">; facts: Fact[] }[],
  ctx: ScoringContext = buildContext(),
): Scorecard[] {
  const assessments = customers.map((c) => assessCustomer(c.customer, c.facts, ctx));
  const totals = portfolioTotals(assessments);
  return assessments.map((a) => finalizeScorecard(a, totals, ctx));
}
