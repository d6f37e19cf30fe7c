import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Fact } from "../domain/facts.ts";
import { openStore, type Store } from "./database.ts";
import { insertFact, streamCustomerFacts } from "./fact-repository.ts";
import { ensureOrganization } from "./organization-repository.ts";
import {
  type CustomerEntry,
  type CustomerRange,
  customerRanges,
  openFactReader,
  sqliteCustomerChunks,
} from "./sqlite-fact-stream.ts";
import { chase, customer, DAY, T0 } from "./test-facts.ts";
import { tempSqlitePath, testDialects } from "./test-stores.ts";

// SQLite files only (the reader opens a connection of its own): the PostgreSQL suite skips it.
const onSqlite = testDialects().includes("sqlite");

describe.runIf(onSqlite)("customer facts read from a SQLite file", () => {
  let store: Store;
  let orgId: string;
  let reader: ReturnType<typeof openFactReader>;
  beforeEach(async () => {
    store = await openStore(tempSqlitePath());
    orgId = (await ensureOrganization(store, "shop")).id;
    const other = (await ensureOrganization(store, "other")).id;
    const facts: Fact[] = [customer("a"), customer("b"), customer("c", T0 + 30 * DAY)];
    facts.push(customer("d"), customer("e"));
    for (let i = 1; i <= 7; i++) facts.push(chase(`b${i}`, "b", T0 + i * DAY));
    facts.push(chase("a1", "a", T0 + DAY), chase("c1", "c", T0 + DAY), chase("c2", "c", T0));
    facts.push(chase("d1", "d", T0 + 40 * DAY), chase("x1", "x", T0), chase("e1", "e", T0));
    facts.push({ type: "feedback", id: "f1", at: T0, score: 3 } as Fact);
    for (const f of facts) await insertFact(store, orgId, f);
    await insertFact(store, other, customer("a"));
    await insertFact(store, other, chase("o1", "a", T0));
    reader = openFactReader(store.location);
  });
  afterEach(async () => {
    reader.close();
    await store.close();
  });

  const read = (options: CustomerRange & { until?: number; chunkRows?: number }) =>
    [...sqliteCustomerChunks(reader, orgId, options)].flat();
  const streamed = async (options: { until?: number; chunkRows?: number }) => {
    const entries: CustomerEntry[] = [];
    for await (const entry of streamCustomerFacts(store, orgId, options)) entries.push(entry);
    return entries;
  };
  const ids = (entries: CustomerEntry[]) =>
    entries.map((e) => [e.customer.id, e.facts.map((f) => f.id)]);

  it("reads what streamCustomerFacts streams, whatever the chunk size and until", async () => {
    for (const until of [undefined, T0 + 5 * DAY]) {
      for (const chunkRows of [1, 2, 3, 4000]) {
        expect(read({ until, chunkRows })).toEqual(await streamed({ until, chunkRows }));
      }
    }
    expect(ids(read({ until: T0 + 5 * DAY }))).toEqual([
      ["a", ["a1"]],
      ["b", ["b1", "b2", "b3", "b4", "b5"]],
      ["c", ["c2", "c1"]],
      ["d", []],
      ["e", ["e1"]],
    ]);
  });

  it("splits in two ranges at a customer that the upper range starts with", async () => {
    for (const chunkRows of [2, 3, 4000]) {
      const lower = read({ to: "c", chunkRows });
      const upper = read({ from: "c", chunkRows });
      expect(ids(lower).map(([id]) => id)).toEqual(["a", "b"]);
      expect(ids(upper).map(([id]) => id)).toEqual(["c", "d", "e"]);
      expect([...lower, ...upper]).toEqual(read({ chunkRows }));
    }
    expect(read({ from: "b", to: "d" }).map((e) => e.customer.id)).toEqual(["b", "c"]);
    expect(read({ from: "z" })).toEqual([]);
  });

  it("cuts the customers into ranges that cover them all, once", () => {
    expect(customerRanges(reader, orgId, 2)).toEqual([
      { to: "c" },
      { from: "c", to: "e" },
      { from: "e" },
    ]);
    expect(customerRanges(reader, orgId, 5)).toEqual([{}]);
    expect(customerRanges(reader, orgId, 1).length).toBe(5);
    for (const customers of [1, 2, 3, 5]) {
      const ranges = customerRanges(reader, orgId, customers);
      expect(ranges.flatMap((range) => read(range))).toEqual(read({}));
    }
    expect(customerRanges(reader, "no-such-org", 2)).toEqual([]);
  });
});
