import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveCharter } from "../src/domain/charter.ts";
import { parseFact } from "../src/domain/fact-validation.ts";
import { type CustomerFact, type Fact, factCustomer } from "../src/domain/facts.ts";
import {
  assessCustomer,
  finalizeScorecard,
  portfolioTotals,
} from "../src/domain/scorecard/index.ts";
import { duckdbSignalCounts } from "./duckdb-signals.ts";
import { generateLedger, writeLedger } from "./generate-ledger.ts";

const dir = mkdtempSync(join(tmpdir(), "comptoir-duck-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The domain's signal counts for JSON lines (as imported), scored together. */
function domainCounts(lines: Record<string, unknown>[], asOf: string): Record<string, number> {
  const byCustomer = new Map<string, { customer?: CustomerFact; facts: Fact[] }>();
  for (const raw of lines) {
    const parsed = parseFact(raw, { currencyDigits: 2 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const id = factCustomer(parsed.fact) as string;
    const entry = byCustomer.get(id) ?? { facts: [] };
    if (parsed.fact.type === "customer") entry.customer = parsed.fact;
    else entry.facts.push(parsed.fact);
    byCustomer.set(id, entry);
  }
  const ctx = {
    charter: resolveCharter(),
    asOf: Date.parse(`${asOf}T23:59:59.999Z`),
    lang: "en" as const,
  };
  const assessments = [...byCustomer.values()].map((e) =>
    assessCustomer(e.customer as CustomerFact, e.facts, ctx),
  );
  const totals = portfolioTotals(assessments);
  const counts: Record<string, number> = {};
  for (const a of assessments) {
    for (const s of finalizeScorecard(a, totals, ctx).signals)
      counts[s.code] = (counts[s.code] ?? 0) + 1;
  }
  return counts;
}

describe("the DuckDB reference of the bench", () => {
  it("spares a margin of exactly 15 % that floating-point labour once put under it", async () => {
    // Customer c68468 of the 100,000-customer bench ledger: 124.00 - 31.40 - 111 minutes at
    // 40 (74.00) = 18.60, exactly 15 % of 124.00. Next to it, a customer one cent under, and
    // one who bought nothing in the window but had time logged (a loss, spec section 3).
    const lines: Record<string, unknown>[] = [
      { type: "customer", id: "exact", at: "2025-07-21", name: "Exact" },
      { type: "order", id: "exact-o", customer: "exact", at: "2026-01-16", price: 124, cost: 31.4 },
      {
        type: "time",
        id: "exact-t",
        customer: "exact",
        at: "2026-01-16",
        minutes: 111,
        activity: "chasing",
      },
      { type: "customer", id: "under", at: "2025-07-21", name: "Under" },
      {
        type: "order",
        id: "under-o",
        customer: "under",
        at: "2026-01-16",
        price: 124,
        cost: 31.41,
      },
      {
        type: "time",
        id: "under-t",
        customer: "under",
        at: "2026-01-16",
        minutes: 111,
        activity: "work",
      },
      { type: "customer", id: "idle", at: "2025-07-21", name: "Idle" },
      {
        type: "time",
        id: "idle-t",
        customer: "idle",
        at: "2026-02-01",
        minutes: 30,
        activity: "admin",
      },
      { type: "customer", id: "quiet", at: "2025-07-21", name: "Quiet" },
    ];
    const file = join(dir, "boundary.jsonl");
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
    const ours = domainCounts(lines, "2026-06-30");
    expect(ours.unprofitable).toBe(2);
    expect(await duckdbSignalCounts(file, "2026-06-30")).toEqual(ours);
  });

  it("counts the same signals as the scorecard domain on a synthetic ledger", async () => {
    const options = { customers: 3000, asOf: "2026-06-30", seed: 7 };
    const file = join(dir, "ledger.jsonl");
    await writeLedger(file, options);
    const ours = domainCounts([...generateLedger(options)], options.asOf);
    const theirs = await duckdbSignalCounts(file, "2026-06-30");
    expect(theirs).toEqual(ours);
    // The synthetic ledger makes every signal occur: the comparison covers every rule.
    expect(Object.keys(ours).length).toBe(16);
  });
});
