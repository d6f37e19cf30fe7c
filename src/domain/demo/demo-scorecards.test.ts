/**
 * The demo, parsed by the importer's own validation and scored as of the day it is loaded with
 * its charter, shows every signal and every segment, and each cast member lands where
 * docs/demo.md says.
 */
import { describe, expect, it } from "vitest";
import { resolveCharter } from "../charter.ts";
import { parseFact } from "../fact-validation.ts";
import { type CustomerFact, type Fact, factCustomer } from "../facts.ts";
import { assessCustomer, finalizeScorecard, portfolioTotals } from "../scorecard/index.ts";
import { buildDemoLedger } from "./build-demo-ledger.ts";

const SIGNALS = [
  "abusive",
  "warranty_gaming",
  "unpaid",
  "late_payer",
  "haggler",
  "unprofitable",
  "scope_creep",
  "missing_inputs",
  "unfounded_complaints",
  "serial_returner",
  "concentration",
  "detractor",
  "loyal",
  "prompt_payer",
  "promoter",
  "high_value",
];
const NEGATIVE = SIGNALS.slice(0, 10);
const SEGMENTS = ["part_ways", "renegotiate", "watch", "partner", "steady"];

function scoreDemo(today: string) {
  const demo = buildDemoLedger(today);
  const facts: Fact[] = demo.lines.map((line, i) => {
    const parsed = parseFact(line, { currencyDigits: 2 });
    if (!parsed.ok) throw new Error(`line ${i + 1} (${line.id}): ${JSON.stringify(parsed.errors)}`);
    return parsed.fact;
  });
  const ctx = {
    charter: resolveCharter(demo.charter),
    asOf: Date.parse(`${today}T23:59:59.999Z`),
    lang: "fr" as const,
  };
  const byCustomer = new Map<string, Fact[]>();
  for (const fact of facts) {
    const id = factCustomer(fact);
    if (id === undefined || fact.type === "customer") continue;
    byCustomer.set(id, [...(byCustomer.get(id) ?? []), fact]);
  }
  const customers = facts.filter((f): f is CustomerFact => f.type === "customer");
  const assessments = customers.map((c) => assessCustomer(c, byCustomer.get(c.id) ?? [], ctx));
  const totals = portfolioTotals(assessments);
  const cards = assessments.map((a) => finalizeScorecard(a, totals, ctx));
  return new Map(
    cards.map((card) => [
      card.customer,
      { segment: card.segment, codes: card.signals.map((s): string => s.code) },
    ]),
  );
}

const TODAY = "2026-11-22";
const cards = scoreDemo(TODAY);

// docs/demo.md, "The cast": segment and the signals each customer must show.
const CAST: [string, string | null, string[]][] = [
  ["c-jolicoeur", "part_ways", ["warranty_gaming"]],
  ["c-vasseur", "part_ways", ["abusive"]],
  ["c-castagne", "part_ways", ["unpaid"]],
  ["c-lhermitte", "part_ways", ["abusive"]],
  ["c-fontaine", "renegotiate", ["late_payer"]],
  ["c-marchetti", "renegotiate", ["haggler"]],
  ["c-theatre-lilas", "renegotiate", ["unprofitable"]],
  ["c-anquetil", "renegotiate", ["scope_creep"]],
  ["c-benali", "renegotiate", ["missing_inputs"]],
  ["c-perret", "renegotiate", ["unpaid"]],
  ["c-delaunay", "watch", ["serial_returner"]],
  ["c-haddad", "watch", ["serial_returner"]],
  ["c-garnier", "watch", ["unfounded_complaints"]],
  ["c-brossard", "watch", ["unfounded_complaints"]],
  ["c-sansregret", "partner", ["concentration", "high_value"]],
  ["c-hotel-beaurivage", "partner", ["loyal"]],
  ["c-office-tourisme", "partner", ["loyal"]],
  ["c-lambert", "partner", ["loyal", "promoter"]],
  ["c-roussel", "partner", ["loyal", "promoter"]],
  ["c-dupuis", "partner", ["loyal"]],
  ["c-morel", "partner", ["loyal"]],
  ["c-castel", "partner", ["loyal", "prompt_payer"]],
  ["c-gauthier", "steady", ["detractor"]],
  ["c-fabre", "steady", []],
  ["c-texier", "steady", []],
  ["c-royer", "steady", ["prompt_payer"]],
  ["c-hamel", "steady", ["promoter"]],
  ["c-vidal", "steady", ["detractor"]],
  ["c-petitjean", "steady", ["detractor"]],
  ["c-chevalier", "steady", []],
  ["c-carpentier", "steady", []],
  ["c-ty-breizh", "steady", []],
  ["c-aubert", "steady", []],
  ["c-benkirane", "steady", []],
  ["c-mercier", "steady", []],
  ["c-le-gall", "steady", []],
  ["c-girard", "steady", []],
  ["c-galerie-arnaud", null, []],
  ["c-ferrand", null, []],
  ["c-blanchet", null, []],
];

describe("the demo, scored as of the day it is loaded", () => {
  it("parses every line with the importer's validation", () => {
    const failures = buildDemoLedger(TODAY)
      .lines.map((line, i) => ({
        line: i + 1,
        id: line.id,
        result: parseFact(line, { currencyDigits: 2 }),
      }))
      .filter((r) => !r.result.ok);
    expect(failures).toEqual([]);
  });

  it.each(SIGNALS)("shows the %s signal at least once", (code) => {
    expect([...cards.values()].some((c) => c.codes.includes(code))).toBe(true);
  });

  it.each(SEGMENTS)("puts at least one customer in %s", (segment) => {
    expect([...cards.values()].some((c) => c.segment === segment)).toBe(true);
  });

  it("gives prospects no segment", () => {
    const prospects = buildDemoLedger(TODAY).lines.filter(
      (l) => l.type === "customer" && l.status === "prospect",
    );
    expect(prospects.map((p) => cards.get(p.id as string)?.segment)).toEqual([null, null, null]);
  });

  it("lists every customer of the demo in the cast", () => {
    expect(CAST.map(([id]) => id).sort()).toEqual([...cards.keys()].sort());
  });

  it.each(CAST)("places %s in %s with %j", (customer, segment, codes) => {
    const card = cards.get(customer);
    expect(card?.segment).toBe(segment);
    for (const code of codes) expect(card?.codes).toContain(code);
  });

  it.each([
    ["the hem we got wrong (fault ours)", "c-roussel"],
    ["the boots she chose herself (fault shared)", "c-sansregret"],
    ["the leather that split (fault material)", "c-texier"],
  ])("holds no negative signal against %s", (_, customer) => {
    expect(cards.get(customer)?.codes.filter((code) => NEGATIVE.includes(code))).toEqual([]);
  });

  it("keeps a believable mix of segments", () => {
    const count = (segment: string | null) =>
      [...cards.values()].filter((c) => c.segment === segment).length;
    expect(count("part_ways")).toBeGreaterThanOrEqual(3);
    expect(count("part_ways")).toBeLessThanOrEqual(5);
    expect(count("partner")).toBeGreaterThanOrEqual(6);
    expect(count("steady")).toBeGreaterThanOrEqual(10);
  });

  it.each(["2026-03-29", "2026-12-31", "2027-06-15"])(
    "shows every signal and segment when loaded on %s too",
    (today) => {
      const other = [...scoreDemo(today).values()];
      for (const code of SIGNALS)
        expect(
          other.some((c) => c.codes.includes(code)),
          code,
        ).toBe(true);
      for (const segment of SEGMENTS)
        expect(
          other.some((c) => c.segment === segment),
          segment,
        ).toBe(true);
    },
  );
});
