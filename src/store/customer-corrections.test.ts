import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CustomerFact, Fact } from "../domain/facts.ts";
import { correctionsAmong, customerCorrections } from "./customer-corrections.ts";
import type { Store } from "./database.ts";
import { insertFact, streamCustomerFacts } from "./fact-repository.ts";
import { ensureOrganization } from "./organization-repository.ts";
import { chase, DAY, T0 } from "./test-facts.ts";
import { openTestStore, testDialects } from "./test-stores.ts";

const person = (id: string, fields: Partial<CustomerFact> = {}): CustomerFact => ({
  type: "customer",
  id,
  at: T0,
  name: id,
  status: "prospect",
  ...fields,
});

for (const dialect of testDialects()) {
  describe(`customer corrections in streamCustomerFacts (${dialect})`, () => {
    let store: Store;
    let orgId: string;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      orgId = (await ensureOrganization(store, "shop")).id;
      const facts: Fact[] = [
        person("c1"),
        chase("h1", "c1", T0 + DAY),
        // A prospect becomes active, then a correction of that correction renames them.
        person("c1~active", { at: T0 + 10 * DAY, name: "c1", status: "active", corrects: "c1" }),
        person("c1~name", {
          at: T0 + 20 * DAY,
          status: "active",
          name: "C. One",
          corrects: "c1~active",
        }),
        // A correction of a customer nobody knows stands as a customer of its own.
        person("c9~fix", { corrects: "c9" }),
      ];
      for (const fact of facts) await insertFact(store, orgId, fact);
    });
    afterEach(async () => {
      await store.close();
    });

    const read = async (until?: number) => {
      const out: [string, string, string, number][] = [];
      for await (const { customer, facts } of streamCustomerFacts(store, orgId, { until }))
        out.push([customer.id, customer.status, customer.name, facts.length]);
      return out;
    };

    it("reads a corrected customer under its own id, as the latest correction known says", async () => {
      expect.assertions(4);
      expect(await read()).toEqual([
        ["c1", "active", "C. One", 1],
        ["c9~fix", "prospect", "c9~fix", 0],
      ]);
      expect((await read(T0 + 15 * DAY))[0]).toEqual(["c1", "active", "c1", 1]);
      // Before its first correction the customer was a prospect; the corrections are still
      // not customers of their own.
      expect((await read(T0 + 5 * DAY))[0]).toEqual(["c1", "prospect", "c1", 1]);
      expect((await read(T0 + 5 * DAY)).map(([id]) => id)).toEqual(["c1", "c9~fix"]);
    });

    it("tells which ids are customer facts that correct another", async () => {
      expect(
        (await correctionsAmong(store, orgId, ["c1", "c1~name", "h1", "c9~fix", "nobody"])).sort(),
      ).toEqual(["c1~name", "c9~fix"]);
      expect(await correctionsAmong(store, orgId, [])).toEqual([]);
    });

    it("finds the same corrections among the ids a pass noted as by looking through every customer", async () => {
      const among = ["c1~name", "c9~fix", "c1~active"];
      for (const until of [undefined, T0 + 15 * DAY]) {
        const all = await customerCorrections(store, orgId, until);
        const some = await customerCorrections(store, orgId, until, { among });
        expect(some.ids).toEqual(all.ids);
        const c1 = person("c1");
        expect(some.corrected(c1)).toEqual(all.corrected(c1));
        expect(some.rootOf("c1~name")).toBe("c1");
        expect(some.isCorrection(person("c9~fix"))).toBe(false);
      }
    });
  });
}
