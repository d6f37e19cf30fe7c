import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDemo } from "../app/demo/load-demo.ts";
import { getCharter } from "../store/charter-repository.ts";
import type { Store } from "../store/database.ts";
import { insertFact } from "../store/fact-repository.ts";
import type { Organization } from "../store/organization-repository.ts";
import { openTestStore, testDialects } from "../store/test-stores.ts";
import { REFIT_AFTER_MS, ValueCache } from "./value-cache.ts";

const TODAY = "2026-11-20";
const asOf = Date.parse(`${TODAY}T23:59:59.999Z`);

for (const dialect of testDialects()) {
  describe(`value cache (${dialect})`, () => {
    let store: Store;
    let org: Organization;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      org = (await loadDemo(store, { today: TODAY })).organization;
    });
    afterEach(() => store.close());

    const newOrder = (id: string) =>
      insertFact(store, org.id, {
        type: "order",
        id,
        at: Date.parse(`${TODAY}T10:00:00Z`),
        customer: "c-aubert",
        price: 12000,
        list_price: 12000,
        cost: 2000,
      });

    it("makes a small organization's page wait for the fit on the current facts", async () => {
      const cache = new ValueCache(store);
      const charter = await getCharter(store, org.id);
      const first = await cache.forPage(org, asOf, charter, 40);
      expect(first.status).toBe("fitted");
      expect(await cache.forPage(org, asOf, charter, 40)).toBe(first);
      await newOrder("vc-o1");
      const after = await cache.forPage(org, asOf, charter, 40);
      expect(after).not.toBe(first);
      expect(cache.fits).toBe(2);
    });

    it("answers a large organization's page at once: pending first, then the finished fit", async () => {
      const cache = new ValueCache(store, { noWaitCustomers: 10 });
      const charter = await getCharter(store, org.id);
      const pending = await cache.forPage(org, asOf, charter, 40);
      expect(pending).toMatchObject({ status: "unavailable", reason: "pending" });
      // The page started the fit; waiting for it gives the same one the next page shows.
      const fitted = await cache.get(org, asOf, charter);
      expect(cache.fits).toBe(1);
      expect(fitted.status).toBe("fitted");
      expect(await cache.forPage(org, asOf, charter, 40)).toBe(fitted);
    });

    it("keeps a large organization's last fit after new facts, refitting at most every few minutes", async () => {
      let now = 1_000_000;
      const cache = new ValueCache(store, { noWaitCustomers: 10, now: () => now });
      const charter = await getCharter(store, org.id);
      const first = await cache.get(org, asOf, charter);
      await newOrder("vc-o1");
      expect(await cache.forPage(org, asOf, charter, 40)).toBe(first);
      expect(cache.fits).toBe(1);
      now += REFIT_AFTER_MS;
      // Old enough: the page still shows it, and a fit on the new facts starts.
      expect(await cache.forPage(org, asOf, charter, 40)).toBe(first);
      expect(cache.fits).toBe(2);
      await newOrder("vc-o2");
      await cache.forPage(org, asOf, charter, 40);
      // Running, or just finished (so recent): either way no third fit for this new order.
      expect(cache.fits).toBe(2);
      const latest = await cache.get(org, asOf, charter);
      expect(latest).not.toBe(first);
      expect(await cache.forPage(org, asOf, charter, 40)).toBe(latest);
    });
  });
}
