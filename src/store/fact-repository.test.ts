import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Fact } from "../domain/facts.ts";
import type { Store } from "./database.ts";
import {
  findFact,
  hasFactsAtLeast,
  insertFact,
  listCustomerFacts,
  listFactsOfCustomers,
  streamCustomerFacts,
} from "./fact-repository.ts";
import { ensureOrganization } from "./organization-repository.ts";
import { chase, customer, DAY, T0 } from "./test-facts.ts";
import { openTestStore, testDialects } from "./test-stores.ts";

for (const dialect of testDialects()) {
  describe(`fact repository (${dialect})`, () => {
    let store: Store;
    let orgId: string;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      orgId = (await ensureOrganization(store, "shop")).id;
    });
    afterEach(async () => {
      await store.close();
    });

    it("finds a fact by type and id, as it was inserted", async () => {
      const order: Fact = {
        type: "order",
        id: "o1",
        at: T0,
        customer: "c1",
        price: 1999,
        list_price: 2500,
        cost: 300,
        delivered: T0 + DAY,
        extra: { colour: "bleu" },
      };
      expect(await insertFact(store, orgId, order)).toBe("added");
      expect(await findFact(store, orgId, "order", "o1")).toEqual(order);
      expect(await findFact(store, orgId, "chase", "o1")).toBeUndefined();
    });

    it("lists the facts of several customers as listCustomerFacts lists each", async () => {
      for (const fact of [
        customer("c1", T0),
        chase("h2", "c1", T0 + 2 * DAY),
        chase("h1", "c1", T0 + DAY),
        customer("c2", T0),
        chase("h3", "c2", T0 + DAY),
      ])
        await insertFact(store, orgId, fact);
      const many = await listFactsOfCustomers(store, orgId, ["c2", "c1", "nobody"]);
      expect(many.get("c1")).toEqual(await listCustomerFacts(store, orgId, "c1"));
      expect(many.get("c2")).toEqual(await listCustomerFacts(store, orgId, "c2"));
      expect(many.get("nobody")).toEqual([]);
    });

    it("inserts the same fact twice as unchanged, and refuses other content", async () => {
      await insertFact(store, orgId, customer("c1"));
      expect(await insertFact(store, orgId, customer("c1"))).toBe("unchanged");
      await expect(
        insertFact(store, orgId, { ...customer("c1"), name: "x" } as Fact),
      ).rejects.toThrow('id: customer "c1" is already stored with different content');
    });

    it("streams each customer with its facts, one customer at a time", async () => {
      for (const f of [
        customer("b"),
        customer("a"),
        chase("h2", "a", T0 + 2 * DAY),
        chase("h1", "a", T0 + DAY),
        chase("h3", "b", T0 + DAY),
      ]) {
        await insertFact(store, orgId, f);
      }
      const seen: [string, string[]][] = [];
      for await (const { customer: c, facts } of streamCustomerFacts(store, orgId)) {
        seen.push([c.id, facts.map((f) => f.id)]);
      }
      expect(seen).toEqual([
        ["a", ["h1", "h2"]],
        ["b", ["h3"]],
      ]);
    });

    it("streams whole customers across chunks, a customer larger than a chunk included", async () => {
      const facts: Fact[] = [customer("a"), customer("b"), customer("c"), customer("d")];
      for (let i = 1; i <= 7; i++) facts.push(chase(`b${i}`, "b", T0 + i * DAY));
      facts.push(chase("a1", "a", T0 + DAY), chase("c1", "c", T0 + DAY), chase("c2", "c", T0));
      for (const f of facts) await insertFact(store, orgId, f);
      const seen: [string, string[]][] = [];
      for await (const { customer: c, facts } of streamCustomerFacts(store, orgId, {
        chunkRows: 3,
      })) {
        seen.push([c.id, facts.map((f) => f.id)]);
      }
      expect(seen).toEqual([
        ["a", ["a1"]],
        ["b", ["b1", "b2", "b3", "b4", "b5", "b6", "b7"]],
        ["c", ["c2", "c1"]],
        ["d", []],
      ]);
    });

    it("drops facts dated after until, but keeps the customer fact itself", async () => {
      await insertFact(store, orgId, customer("a", T0 + 10 * DAY));
      await insertFact(store, orgId, chase("h1", "a", T0 + DAY));
      await insertFact(store, orgId, chase("h2", "a", T0 + 20 * DAY));
      const seen = [];
      for await (const entry of streamCustomerFacts(store, orgId, { until: T0 + 5 * DAY })) {
        seen.push([entry.customer.id, entry.facts.map((f) => f.id)]);
      }
      expect(seen).toEqual([["a", ["h1"]]]);
    });

    it("never returns another organization's facts", async () => {
      const other = (await ensureOrganization(store, "other")).id;
      await insertFact(store, other, customer("a"));
      await insertFact(store, other, chase("h1", "a", T0));
      const streamed = [];
      for await (const entry of streamCustomerFacts(store, orgId)) streamed.push(entry);
      expect(streamed).toEqual([]);
      expect(await listCustomerFacts(store, orgId, "a")).toEqual([]);
      expect((await listCustomerFacts(store, other, "a")).map((f) => f.id)).toEqual(["a", "h1"]);
    });

    it("tells whether the organization has at least so many facts", async () => {
      expect(await hasFactsAtLeast(store, orgId, 0)).toBe(true);
      expect(await hasFactsAtLeast(store, orgId, 1)).toBe(false);
      await insertFact(store, orgId, customer("a"));
      await insertFact(store, orgId, chase("h1", "a", T0));
      await insertFact(store, (await ensureOrganization(store, "other")).id, customer("b"));
      expect(await hasFactsAtLeast(store, orgId, 2)).toBe(true);
      expect(await hasFactsAtLeast(store, orgId, 3)).toBe(false);
      expect(await hasFactsAtLeast(store, orgId, Number.POSITIVE_INFINITY)).toBe(false);
    });
  });
}
