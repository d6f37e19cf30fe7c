/**
 * What the parting letter needs to know about the customer: the name and language, the
 * outstanding balance (every invoice minus its payments, corrections applied) and the intake
 * orders accepted but not delivered yet, then the template's draft (domain/parting-letter.ts).
 */
import { applyCorrections } from "../../domain/corrections.ts";
import { AppError } from "../../domain/errors.ts";
import type { CustomerFact, Fact } from "../../domain/facts.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { draftPartingLetter } from "../../domain/parting-letter.ts";
import type { PartingReason } from "../../domain/relationship.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { listCustomerFacts } from "../../store/fact-repository.ts";
import { listOrders } from "../../store/intake-order-repository.ts";
import { intakeDb } from "../../store/intake-schema.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { orgLang } from "../intake/intake-support.ts";

const IN_PROGRESS = new Set(["accepted", "in_progress", "ready"]);

/** Standard PDF fonts are WinAnsi: narrow and no-break spaces become plain spaces. */
export const plainSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

/**
 * Amount still due on the customer's invoices, in minor units (never below zero per invoice):
 * each invoice's amount less its payments and credit notes (spec section 1).
 */
export function outstandingMinor(facts: readonly Fact[]): number {
  const current = applyCorrections(facts);
  const paid = new Map<string, number>();
  for (const f of current)
    if (f.type === "payment" || f.type === "credit_note")
      paid.set(f.invoice, (paid.get(f.invoice) ?? 0) + f.amount);
  let due = 0;
  for (const f of current)
    if (f.type === "invoice") due += Math.max(0, f.amount - (paid.get(f.id) ?? 0));
  return due;
}

export interface CustomerForLetter {
  record: CustomerFact;
  facts: Fact[];
  lang: "fr" | "en";
  outstanding: string | null;
  ordersInProgress: string[];
}

/** The customer as the letter needs it, or CUSTOMER_NOT_FOUND for another organization's. */
export async function customerForLetter(
  store: Store,
  org: Organization,
  customerId: string,
  letterLang?: "fr" | "en",
): Promise<CustomerForLetter> {
  const facts = await listCustomerFacts(store, org.id, customerId);
  const record = facts.find((f): f is CustomerFact => f.type === "customer" && f.id === customerId);
  if (!record) throw new AppError("CUSTOMER_NOT_FOUND", `id: no customer "${customerId}" here`);
  const lang =
    letterLang ?? (record.lang === "en" || record.lang === "fr" ? record.lang : orgLang(org));
  const { currency } = await getCharter(store, org.id);
  const due = outstandingMinor(facts);
  const outstanding =
    due > 0
      ? plainSpaces(
          new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", {
            style: "currency",
            currency,
          }).format(fromMinor(due, minorDigits(currency))),
        )
      : null;
  const orders = await listOrders(intakeDb(store.db), org.id, { customer: customerId });
  const ordersInProgress = orders
    .filter((o) => IN_PROGRESS.has(o.status))
    .map((o) => `${o.item} (${o.id})`);
  return { record, facts, lang, outstanding, ordersInProgress };
}

export interface DraftInput {
  reason: PartingReason;
  explanation: string;
  doorOpen: boolean;
  condition?: string | null;
  lang?: "fr" | "en";
}

/** The letter's draft for this customer; the owner edits it before sending. */
export async function draftLetterFor(
  store: Store,
  org: Organization,
  customerId: string,
  signer: string,
  input: DraftInput,
): Promise<{ lang: "fr" | "en"; text: string }> {
  const c = await customerForLetter(store, org, customerId, input.lang);
  const lang = c.lang;
  const text = draftPartingLetter({
    lang,
    orgName: org.name,
    customerName: c.record.name,
    reason: input.reason,
    explanation: input.explanation,
    doorOpen: input.doorOpen,
    condition: input.condition ?? null,
    outstanding: c.outstanding,
    ordersInProgress: c.ordersInProgress,
    signer,
  });
  return { lang, text };
}
