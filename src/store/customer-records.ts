/**
 * Customer records as they stand: the original customer fact with its corrections applied
 * (customer-corrections.ts), never a correction on its own. What a screen that names or
 * lists customers straight from their records reads, so that an edited phone number or an
 * archived customer shows as such, and the superseded record never does.
 */
import { applyCorrections, correctedId } from "../domain/corrections.ts";
import { decodeFact } from "../domain/fact-codec.ts";
import type { CustomerFact } from "../domain/facts.ts";
import type { CustomerCorrections } from "./customer-corrections.ts";
import type { Store } from "./database.ts";
import { orgKey } from "./org-key.ts";

/**
 * One customer's record with its corrections known at `until` (default: all) applied;
 * undefined when there is no such customer, or the id is that of a correction.
 * @example (await findCustomer(store, org.id, "ana"))?.phone // the corrected phone
 */
export async function findCustomer(
  store: Store,
  orgId: string,
  id: string,
  until?: number,
): Promise<CustomerFact | undefined> {
  const original = await customerRows(store, orgId).where("id", "=", id).executeTakeFirst();
  if (!original) return undefined;
  const record = decodeFact(original) as CustomerFact;
  if (correctedId(record) !== undefined) return undefined;
  // Corrections name what they correct: follow the chain (a correction of a correction).
  const corrections: CustomerFact[] = [];
  let targets = [id];
  for (let hops = 0; targets.length > 0 && hops < 20; hops++) {
    const found: CustomerFact[] = [];
    for (const target of targets) {
      const rows = await customerRows(store, orgId)
        .where("data", "like", likePattern(target))
        .orderBy("seq")
        .execute();
      for (const row of rows) {
        const fact = decodeFact(row) as CustomerFact;
        if (correctedId(fact) === target && !corrections.some((c) => c.id === fact.id))
          found.push(fact);
      }
    }
    corrections.push(...found);
    targets = found.map((f) => f.id);
  }
  const known = corrections.filter((c) => until === undefined || c.at <= until);
  return applyCorrections([record, ...known])[0] as CustomerFact;
}

/**
 * Every customer record as it stands at the corrections' as-of, corrections themselves left
 * out, in id order.
 */
export async function listCustomerRecords(
  store: Store,
  orgId: string,
  fixes: CustomerCorrections,
): Promise<CustomerFact[]> {
  const rows = await customerRows(store, orgId).orderBy("id").execute();
  const out: CustomerFact[] = [];
  for (const row of rows) {
    const fact = decodeFact(row) as CustomerFact;
    if (!fixes.isCorrection(fact) && correctedId(fact) === undefined)
      out.push(fixes.corrected(fact));
  }
  return out;
}

function customerRows(store: Store, orgId: string) {
  return store.db
    .selectFrom("facts")
    .select(["type", "id", "at", "customer", "data"])
    .where("org", "=", orgKey(orgId))
    .where("type", "=", "customer");
}

/**
 * The LIKE pattern of a correction naming `target`. PostgreSQL reads `\` as an escape
 * character and SQLite does not: an id whose JSON has one (a quote, a backslash) is looked
 * for among every correction. `%` and `_` only widen the match, which is checked after.
 */
function likePattern(target: string): string {
  const json = JSON.stringify(target);
  return json.includes("\\") ? '%"corrects":%' : `%"corrects":${json}%`;
}
