/**
 * One customer's timeline a page at a time, newest page first: a customer with 100,000 facts
 * is read 100 facts at a time, never whole (issue 15). Pages follow the facts' order in the
 * ledger (`at`, then arrival); each page is returned oldest first, as it is shown.
 */
import { decodeFact } from "../domain/fact-codec.ts";
import type { Fact } from "../domain/facts.ts";
import type { Store } from "./database.ts";
import { orgKey } from "./org-key.ts";

function customerFacts(store: Store, orgId: string, customerId: string, until: number) {
  return store.db
    .selectFrom("facts")
    .where("org", "=", orgKey(orgId))
    .where("customer", "=", customerId)
    .where("at", "<=", new Date(until).toISOString());
}

/** How many facts the customer has up to `until` (epoch ms). */
export async function countCustomerFacts(
  store: Store,
  orgId: string,
  customerId: string,
  until: number,
): Promise<number> {
  const row = await customerFacts(store, orgId, customerId, until)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Page `page` (from 1, the newest) of `pageSize` facts, oldest first within the page. */
export async function listCustomerFactsPage(
  store: Store,
  orgId: string,
  customerId: string,
  options: { until: number; page: number; pageSize: number },
): Promise<Fact[]> {
  const rows = await customerFacts(store, orgId, customerId, options.until)
    .select(["type", "id", "at", "customer", "data"])
    .orderBy("at", "desc")
    .orderBy("seq", "desc")
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return rows.reverse().map(decodeFact);
}

/** The page (of `pageSize`, from the newest) that holds the fact `factId`, if the customer has it. */
export async function pageOfCustomerFact(
  store: Store,
  orgId: string,
  customerId: string,
  factId: string,
  options: { until: number; pageSize: number },
): Promise<number | undefined> {
  const fact = await customerFacts(store, orgId, customerId, options.until)
    .select(["at", "seq"])
    .where("id", "=", factId)
    .orderBy("seq")
    .executeTakeFirst();
  if (!fact) return undefined;
  const newer = await customerFacts(store, orgId, customerId, options.until)
    .where((eb) =>
      eb.or([eb("at", ">", fact.at), eb.and([eb("at", "=", fact.at), eb("seq", ">", fact.seq)])]),
    )
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Math.floor(Number(newer.n) / options.pageSize) + 1;
}
