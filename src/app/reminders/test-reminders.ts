/** Test support for reminders: an organization with customers, invoices and the rest as facts. */
import type { Fact } from "../../domain/facts.ts";
import type { Store } from "../../store/database.ts";
import { insertFact } from "../../store/fact-repository.ts";
import { ensureOrganization, type Organization } from "../../store/organization-repository.ts";

export const DAY = 86_400_000;
/** Invoices of the tests fall due on this day. */
export const DUE = Date.UTC(2026, 2, 2);

export async function reminderOrg(store: Store, slug: string): Promise<Organization> {
  return ensureOrganization(store, slug, {
    name: "Atelier Lune",
    lang: "fr",
    time_zone: "Europe/Paris",
  });
}

export async function addFacts(store: Store, org: Organization, facts: Fact[]): Promise<void> {
  for (const fact of facts) await insertFact(store, org.id, fact);
}

export function customerFact(
  id: string,
  options: {
    lang?: string;
    kind?: "person" | "business";
    email?: string | null;
    name?: string;
  } = {},
): Fact {
  return {
    type: "customer",
    id,
    at: DUE - 90 * DAY,
    name: options.name ?? `Client ${id}`,
    status: "active",
    kind: options.kind ?? "person",
    email: options.email === null ? undefined : (options.email ?? `${id}@example.test`),
    lang: options.lang,
  };
}

/** An invoice of `amount` minor units due on DUE (+ `dueShift` days), for order `order`. */
export function invoiceFact(id: string, customer: string, amount: number, order?: string): Fact {
  return { type: "invoice", id, at: DUE - 30 * DAY, customer, amount, due: DUE, order };
}
