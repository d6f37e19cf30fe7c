/**
 * One customer as a role sees it: the customer record and the timeline of all their facts up
 * to as-of for everyone; the scorecard (segment, signals with their evidence) and the money
 * summary only for roles that may see scorecards, and so is the expected value (`values`, the
 * organization's customer-value fit: docs/clv.md). Another organization's customer is 404.
 * The record is the latest correction's; a merged customer's id leads to the customer it is
 * merged into, whose timeline holds both ledgers and says, in words, what each correction
 * changed (docs/customers.md).
 */
import type { Charter } from "../../domain/charter.ts";
import { describeChange, mergeTarget } from "../../domain/customer-record.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact } from "../../domain/facts.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { canSeeScorecards, type Role } from "../../domain/policies.ts";
import { type Scorecard, signalLabel } from "../../domain/scorecard/index.ts";
import type { CustomerCorrections } from "../../store/customer-corrections.ts";
import type { Store } from "../../store/database.ts";
import { listFactsOfCustomers } from "../../store/fact-repository.ts";
import type { CustomerValues } from "../customer-value/compute-customer-values.ts";
import { presentCustomerValue } from "../customer-value/present-customer-value.ts";
import { presentRecord } from "./present-record.ts";
import { presentTimeline, type TimelineChange } from "./present-timeline.ts";

/**
 * The customer a customer id shows: the one it is merged into, if it is merged; the customer
 * a correction corrects, for a correction's id.
 * @example resolveCustomerId(fixes, "ana-2") // "ana" once ana-2 is merged into ana
 */
export function resolveCustomerId(fixes: CustomerCorrections, id: string): string {
  const root = fixes.rootOf(id) ?? id;
  return fixes.mergedInto(root) ?? root;
}

export async function getCustomer(
  store: Store,
  orgId: string,
  role: Role,
  customerId: string,
  context: {
    /** The customer corrections known at as-of (the scorecard index's). */
    fixes: CustomerCorrections;
    charter: Charter;
    scorecard?: Scorecard;
    asOf: number;
    lang: "fr" | "en";
    /** The customer-value fit; the value is left out (null) without it. */
    values?: CustomerValues;
  },
) {
  const { fixes } = context;
  const keptId = resolveCustomerId(fixes, customerId);
  const ids = [keptId, ...fixes.mergedFrom(keptId)];
  const byId = await listFactsOfCustomers(store, orgId, ids);
  const facts = ids.flatMap((id) => byId.get(id) ?? []).filter((f) => f.at <= context.asOf);
  const records = new Map(
    facts
      .filter((f): f is CustomerFact => f.type === "customer" && ids.includes(f.id))
      .map((f) => [f.id, f]),
  );
  const original = records.get(keptId);
  if (!original || fixes.isCorrection(original))
    throw new AppError("CUSTOMER_NOT_FOUND", `id: no customer "${customerId}" here`);
  const record = fixes.corrected(original);
  const nameOf = (id: string) => {
    const r = records.get(id);
    return r ? fixes.corrected(r).name : id;
  };
  const changes = new Map<string, TimelineChange>();
  const corrections: CustomerFact[] = [];
  for (const [id, first] of records) {
    let before = first;
    for (const fix of fixes.history(id)) {
      const after = { ...fix, id } as CustomerFact;
      const change = describeChange(before, after);
      changes.set(fix.id, {
        ...change,
        ...(change.customer ? { name: nameOf(change.customer) } : {}),
        ...(id !== keptId ? { of: { id, name: nameOf(id) } } : {}),
      });
      corrections.push(fix);
      before = after;
    }
  }
  const full = canSeeScorecards(role);
  const card = context.scorecard;
  const digits = minorDigits(context.charter.currency);
  return {
    customer: presentRecord(record),
    /** The id asked for, when it is that of a customer merged into this one. */
    resolvedFrom: customerId !== record.id ? customerId : null,
    /** The customers merged straight into this one (each can be unmerged). */
    merged: [...records.keys()]
      .filter((id) => id !== keptId && fixes.merges.get(id) === keptId)
      .filter((id) => mergeTarget(fixes.corrected(records.get(id) as CustomerFact)) !== undefined)
      .map((id) => ({ id, name: nameOf(id) })),
    currency: context.charter.currency,
    scorecard:
      full && card
        ? {
            segment: card.segment,
            signals: card.signals.map((s) => ({
              code: s.code,
              label: signalLabel(s.code, context.lang),
              evidence: [...s.evidence],
              message: s.message,
            })),
          }
        : null,
    money:
      full && card
        ? {
            revenue: fromMinor(card.revenue, digits),
            margin: fromMinor(card.margin, digits),
            orders: card.orders,
            outstanding: fromMinor(card.outstanding, digits),
            outstanding_total: fromMinor(card.outstandingTotal, digits),
          }
        : null,
    value:
      full && context.values
        ? presentCustomerValue(
            context.values,
            { id: record.id, status: record.status },
            context.lang,
            context.charter.currency,
          )
        : null,
    timeline: presentTimeline(
      [...facts, ...corrections.filter((c) => c.at <= context.asOf)],
      digits,
      {
        hideCosts: !full,
        changes,
      },
    ),
  };
}
