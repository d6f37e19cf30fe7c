/**
 * The customer-value fit kept per organization, as-of instant and charter, and computed again
 * when facts arrive: the key holds the organization's last fact seq (facts are append-only)
 * and the charter (margin, hour cost and discount rate move net values). A few fits are kept
 * (LRU); concurrent requests share one computation, and a failed one is not kept.
 *
 * A fit reads every customer's orders (seconds of CPU for 100,000 customers), so the pages of
 * a large organization (NO_WAIT_CUSTOMERS) do not wait for one (`forPage`): they show the
 * last finished fit for the same as-of instant and charter, even if facts arrived since, or
 * say that the estimate is being computed. For them a new fit starts when none is running
 * and the last one is older than REFIT_AFTER_MS: an intake at the counter every minute does
 * not refit 100,000 customers every minute.
 */
import {
  type CustomerValues,
  computeCustomerValues,
  VALUE_HORIZON_WEEKS,
} from "../app/customer-value/compute-customer-values.ts";
import type { Charter } from "../domain/charter.ts";
import type { Store } from "../store/database.ts";
import { lastFactSeq } from "../store/fact-repository.ts";
import type { Organization } from "../store/organization-repository.ts";

const MAX_ENTRIES = 8;

/** From this many customers on, pages answer without waiting for a fit (forPage). */
export const NO_WAIT_CUSTOMERS = 10_000;

/** A large organization's fit is redone at most this often when facts arrive (5 minutes). */
export const REFIT_AFTER_MS = 5 * 60_000;

/** The same object every time: pages computed from it can be kept (dashboard routes). */
const PENDING: CustomerValues = Object.freeze({
  status: "unavailable",
  horizonWeeks: VALUE_HORIZON_WEEKS,
  reason: "pending",
  message: "the customer-value fit is being computed",
});

interface Entry {
  fit: Promise<CustomerValues>;
  /** The same fit once it has finished. */
  done?: CustomerValues;
}

interface Latest {
  seq: number;
  values: CustomerValues;
  /** When it finished (epoch ms). */
  at: number;
}

export class ValueCache {
  private readonly entries = new Map<string, Entry>();
  /** The last finished fit per organization, as-of instant and charter, whatever the seq. */
  private readonly latest = new Map<string, Latest>();
  /** Fits under way per organization, as-of instant and charter. */
  private readonly running = new Map<string, number>();
  /** How many fits were computed (tests check that a cached fit is reused). */
  fits = 0;
  private readonly noWaitCustomers: number;
  private readonly refitAfterMs: number;
  private readonly now: () => number;
  constructor(
    private readonly store: Store,
    options: { noWaitCustomers?: number; refitAfterMs?: number; now?: () => number } = {},
  ) {
    this.noWaitCustomers = options.noWaitCustomers ?? NO_WAIT_CUSTOMERS;
    this.refitAfterMs = options.refitAfterMs ?? REFIT_AFTER_MS;
    this.now = options.now ?? Date.now;
  }

  /** The fit on the organization's facts as they are now (computed if needed). */
  async get(org: Organization, asOf: number, charter: Charter): Promise<CustomerValues> {
    return this.entry(org, asOf, charter, await lastFactSeq(this.store, org.id)).fit;
  }

  /**
   * What a page shows. Below NO_WAIT_CUSTOMERS customers, the fit on the current facts
   * (waiting for it). From there on, without waiting: the current fit if it is done, else the
   * last finished one, else `reason: "pending"`; a fit on the current facts is started when
   * none is running and the last one is older than REFIT_AFTER_MS (or there is none).
   */
  async forPage(
    org: Organization,
    asOf: number,
    charter: Charter,
    customers: number,
  ): Promise<CustomerValues> {
    const seq = await lastFactSeq(this.store, org.id);
    if (customers < this.noWaitCustomers) return this.entry(org, asOf, charter, seq).fit;
    const base = baseKey(org, asOf, charter);
    const current = this.entries.get(`${base}|${seq}`);
    if (current?.done) return current.done;
    const last = this.latest.get(base);
    const idle = (this.running.get(base) ?? 0) === 0;
    if (!current && idle && (!last || this.now() - last.at >= this.refitAfterMs)) {
      this.entry(org, asOf, charter, seq);
    }
    return last?.values ?? PENDING;
  }

  private entry(org: Organization, asOf: number, charter: Charter, seq: number): Entry {
    const base = baseKey(org, asOf, charter);
    const key = `${base}|${seq}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      this.fits++;
      this.running.set(base, (this.running.get(base) ?? 0) + 1);
      const fit = computeCustomerValues(this.store, org, { asOf, charter });
      const created: Entry = { fit };
      entry = created;
      const finished = () => {
        const left = (this.running.get(base) ?? 1) - 1;
        if (left > 0) this.running.set(base, left);
        else this.running.delete(base);
      };
      fit.then(
        (values) => {
          finished();
          created.done = values;
          const last = this.latest.get(base);
          if (!last || last.seq <= seq) {
            this.latest.delete(base);
            this.latest.set(base, { seq, values, at: this.now() });
            while (this.latest.size > MAX_ENTRIES) {
              this.latest.delete(this.latest.keys().next().value as string);
            }
          }
        },
        () => {
          finished();
          this.entries.delete(key);
        },
      );
    }
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return entry;
  }
}

function baseKey(org: Organization, asOf: number, charter: Charter): string {
  return `${org.id}|${asOf}|${VALUE_HORIZON_WEEKS}|${JSON.stringify(charter)}`;
}
