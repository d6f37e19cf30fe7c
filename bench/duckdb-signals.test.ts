import { mkdtempSync, rmSync } from "node:fs";
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

describe("the DuckDB reference of the bench", () => {
  it("counts the same signals as the scorecard domain on a synthetic ledger", async () => {
    const options = { customers: 3000, asOf: "2026-06-30", seed: 7 };
    const file = join(dir, "ledger.jsonl");
    await writeLedger(file, options);
    const byCustomer = new Map<string, { customer?: CustomerFact; facts: Fact[] }>();
    for (const raw of generateLedger(options)) {
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
      asOf: Date.parse("2026-06-30T23:59:59.999Z"),
      lang: "en" as const,
    };
    const assessments = [...byCustomer.values()].map((e) =>
      assessCustomer(e.customer as CustomerFact, e.facts, ctx),
    );
    const totals = portfolioTotals(assessments);
    const ours: Record<string, number> = {};
    for (const a of assessments) {
      for (const s of finalizeScorecard(a, totals, ctx).signals)
        ours[s.code] = (ours[s.code] ?? 0) + 1;
    }
    const theirs = await duckdbSignalCounts(file, "2026-06-30");
    expect(theirs).toEqual(ours);
    // The synthetic ledger makes every signal occur: the comparison covers every rule.
    expect(Object.keys(ours).length).toBe(16);
  });
});
