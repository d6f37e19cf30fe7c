/**
 * The customer-value fit kept per organization, as-of instant and charter, and computed again
 * when facts arrive: the key holds the organization's last fact seq (facts are append-only)
 * and the charter (margin, hour cost and discount rate move net values). A few fits are kept
 * (LRU); concurrent requests share one computation, and a failed one is not kept.
 */
import {
  type CustomerValues,
  computeCustomerValues,
  VALUE_HORIZON_WEEKS,
} from "../app/compute-customer-values.ts";
import type { Charter } from "../domain/charter.ts";
import type { Store } from "../store/database.ts";
import { lastFactSeq } from "../store/fact-repository.ts";
import type { Organization } from "../store/organization-repository.ts";

const MAX_ENTRIES = 8;

export class ValueCache {
  private readonly entries = new Map<string, Promise<CustomerValues>>();
  /** How many fits were computed (tests check that a cached fit is reused). */
  fits = 0;
  constructor(private readonly store: Store) {}

  async get(org: Organization, asOf: number, charter: Charter): Promise<CustomerValues> {
    const seq = await lastFactSeq(this.store, org.id);
    const key = `${org.id}|${asOf}|${seq}|${VALUE_HORIZON_WEEKS}|${JSON.stringify(charter)}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      this.fits++;
      entry = computeCustomerValues(this.store, org, { asOf, charter });
      entry.catch(() => this.entries.delete(key));
    }
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return entry;
  }
}
