import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReferenceTally } from "./reference-tally.ts";

type Line = [string, string, string | null, string | null, string | null];

const clean = (lines: Line[]) => {
  const tally = new ReferenceTally();
  for (const l of lines) tally.line(...l);
  return tally.clean();
};

describe("ReferenceTally", () => {
  it("finds references backward and forward", () => {
    expect(
      clean([
        ["payment", "p1", "c1", null, "i1"], // before its invoice, order and customer
        ["invoice", "i1", "c1", "o1", null],
        ["order", "o1", "c1", null, null],
        ["customer", "c1", "c1", null, null],
        ["time", "t1", "c1", "o1", null],
        ["feedback", "f1", null, null, null],
      ]),
    ).toBe(true);
  });

  it("misses a customer, an order or an invoice that no line has", () => {
    expect(clean([["order", "o1", "c9", null, null]])).toBe(false);
    expect(
      clean([
        ["customer", "c1", "c1", null, null],
        ["time", "t1", "c1", "o9", null],
      ]),
    ).toBe(false);
    expect(
      clean([
        ["customer", "c1", "c1", null, null],
        ["payment", "p1", "c1", null, "i9"],
      ]),
    ).toBe(false);
  });

  it("misses an order or invoice of another customer, before or after the line naming it", () => {
    const customers: Line[] = [
      ["customer", "c1", "c1", null, null],
      ["customer", "c2", "c2", null, null],
    ];
    const order: Line = ["order", "o1", "c1", null, null];
    const time: Line = ["time", "t1", "c2", "o1", null];
    expect(clean([...customers, order, time])).toBe(false);
    expect(clean([...customers, time, order])).toBe(false);
    // The same order for its own customer, right after, is still found.
    expect(clean([...customers, order, ["time", "t0", "c1", "o1", null], time])).toBe(false);
  });

  it("takes an order of no customer for any line, and a line of no customer only for it", () => {
    expect(
      clean([
        ["order", "o1", null, null, null],
        ["feedback", "f1", null, "o1", null],
      ]),
    ).toBe(true);
    expect(
      clean([
        ["customer", "c1", "c1", null, null],
        ["order", "o1", "c1", null, null],
        ["feedback", "f1", null, "o1", null],
      ]),
    ).toBe(false);
  });
});

/** markReferences' checks for an import with no stored facts and no line refused, written plainly. */
function oracle(lines: Line[]): boolean {
  const has = (type: string, id: string, customer: string | null | undefined) =>
    lines.some(
      ([t, i, c]) =>
        t === type && i === id && (customer === undefined || c === null || c === customer),
    );
  return lines.every(([type, , customer, order, invoice]) => {
    if (customer !== null && type !== "customer" && !has("customer", customer, undefined)) {
      return false;
    }
    // The same customer: a line of no customer matches only an order of no customer.
    if (order !== null && !has("order", order, customer ?? "\u0000none")) return false;
    if (invoice !== null && !has("invoice", invoice, customer ?? "\u0000none")) return false;
    return true;
  });
}

describe("ReferenceTally against markReferences' rules", () => {
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { freq: 2 });
  const customer = fc.constantFrom("c1", "c2", "c3");
  const line: fc.Arbitrary<Line> = fc.oneof(
    customer.map((c): Line => ["customer", c, c, null, null]),
    fc
      .tuple(fc.constantFrom("order", "invoice", "time", "payment", "feedback"), maybe(customer))
      .chain(([type, c]) =>
        fc.tuple(
          fc.constant(type),
          fc.constantFrom("x1", "x2", "x3"),
          fc.constant(c),
          maybe(fc.constantFrom("x1", "x2", "x4")),
          maybe(fc.constantFrom("x1", "x2", "x4")),
        ),
      ),
  );
  it("says clean exactly when every check passes, in any order", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (raw) => {
        // Ids are unique within a type in a clean import (the copy refuses a second one).
        const seen = new Set<string>();
        const lines = raw.filter(([t, i]) => !seen.has(`${t} ${i}`) && seen.add(`${t} ${i}`));
        expect(clean(lines)).toBe(oracle(lines));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("ReferenceTally's bound", () => {
  it("lets go of its ids past the bound, and then never says clean", () => {
    const lines: Line[] = [
      ["customer", "c1", "c1", null, null],
      ["order", "o1", "c1", null, null],
      ["time", "t1", "c1", "o1", null],
    ];
    const small = new ReferenceTally(1);
    for (const l of lines) small.line(...l);
    expect(small.clean()).toBe(false);
    const enough = new ReferenceTally(2);
    for (const l of lines) enough.line(...l);
    expect(enough.clean()).toBe(true);
  });
});

describe("ReferenceTally's memory", () => {
  it("keeps its ids, not the blocks of staged text they were cut from", () => {
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", "bin/run-ts.js", "src/app/ledger-import/fixtures/tally-memory.ts"],
      { encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    const { clean, keptMb, textMb } = JSON.parse(run.stdout);
    expect(clean).toBe(true);
    // 400,000 lines, 100,000 customers and 300,000 orders of 36-character ids: some 80 MB of
    // ids in Sets and Maps; holding the blocks too would be some 360 MB more.
    expect(textMb).toBeGreaterThan(300);
    expect(keptMb).toBeLessThan(textMb / 3);
  });
});
