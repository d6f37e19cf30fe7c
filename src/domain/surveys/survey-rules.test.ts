import { describe, expect, it } from "vitest";
import type { CustomerFact, Fact } from "../facts.ts";
import { checkQuestions } from "./survey-kinds.ts";
import { DEFAULT_SURVEY_POLICY, dailyCandidate, personOf, surveyRefusal } from "./survey-rules.ts";

const DAY = 86_400_000;
const NOW = Date.parse("2026-12-07T10:00:00Z");
const customer = (extra: Partial<CustomerFact> = {}): CustomerFact => ({
  type: "customer",
  id: "c",
  at: NOW - 800 * DAY,
  name: "C",
  status: "active",
  email: "c@example.test",
  ...extra,
});
const order = (id: string, daysAgo: number, deliveredDaysAgo?: number): Fact => ({
  type: "order",
  id,
  at: NOW - daysAgo * DAY,
  customer: "c",
  price: 1000,
  list_price: 1000,
  cost: 0,
  ...(deliveredDaysAgo === undefined ? {} : { delivered: NOW - deliveredDaysAgo * DAY }),
});
const candidate = (
  c: CustomerFact,
  facts: Fact[],
  surveyed = [] as Parameters<typeof dailyCandidate>[0]["surveyed"],
) =>
  dailyCandidate({
    customer: c,
    facts,
    surveyed,
    now: NOW,
    windowMonths: 12,
    policy: DEFAULT_SURVEY_POLICY,
  });

describe("surveyRefusal", () => {
  const refusal = (c: CustomerFact, lastDaysAgo?: number, ended = false) =>
    surveyRefusal({
      customer: c,
      relationshipEnded: ended,
      lastSentToPerson: lastDaysAgo === undefined ? undefined : NOW - lastDaysAgo * DAY,
      now: NOW,
      policy: DEFAULT_SURVEY_POLICY,
    });
  it.each([
    ["no address", customer({ email: undefined }), undefined, false, "no_email"],
    ["a broken address", customer({ email: "not an address" }), undefined, false, "no_email"],
    [
      "opted out",
      customer({ extra: { survey_opt_out: "2026-11-01" } }),
      undefined,
      false,
      "opted_out",
    ],
    ["relationship ended", customer(), undefined, true, "relationship_ended"],
    ["a survey 89 days ago", customer(), 89, false, "too_soon"],
    ["a survey 90 days ago", customer(), 90, false, null],
    ["never asked", customer(), undefined, false, null],
  ] as const)("%s: %s", (_label, c, last, ended, expected) => {
    expect(refusal(c, last, ended)).toBe(expected);
  });

  it("takes the address as a person: trimmed and lowercased", () => {
    expect(personOf("  Ana@Example.TEST ")).toBe("ana@example.test");
  });
});

describe("dailyCandidate", () => {
  it.each([
    ["delivered 2 days ago: not yet", [order("o", 10, 2)], null],
    ["delivered 3 days ago", [order("o", 10, 3)], "after_delivery"],
    ["delivered 14 days ago", [order("o", 20, 14)], "after_delivery"],
    ["delivered 15 days ago: too old to ask", [order("o", 20, 15)], null],
    ["last order 13 months ago", [order("o", 400)], "former_customer"],
    ["last order 11 months ago", [order("o", 330)], null],
  ] as const)("%s", (_label, facts, kind) => {
    expect(candidate(customer(), [...facts])?.kind ?? null).toBe(kind);
  });

  it("asks a delivered order once, and a former customer once per lapse", () => {
    expect(
      candidate(
        customer(),
        [order("o", 10, 4)],
        [{ kind: "after_delivery", order: "o", sentAt: NOW - DAY }],
      ),
    ).toBeNull();
    expect(
      candidate(
        customer(),
        [order("o", 400)],
        [{ kind: "former_customer", order: null, sentAt: NOW - 30 * DAY }],
      ),
    ).toBeNull();
  });

  it("asks a prospect without orders after 30 days, once", () => {
    const prospect = (days: number) => customer({ status: "prospect", at: NOW - days * DAY });
    expect(candidate(prospect(29), [])).toBeNull();
    expect(candidate(prospect(30), [])?.kind).toBe("lost_prospect");
    expect(
      candidate(prospect(60), [], [{ kind: "lost_prospect", order: null, sentAt: NOW - 20 * DAY }]),
    ).toBeNull();
  });
});

describe("checkQuestions", () => {
  it("names the field at fault", () => {
    expect(checkQuestions({ recommend: " ", open: "ok", extra: ["a", "b", "c", "d"] })).toEqual([
      { field: "recommend", reason: "must not be empty" },
      { field: "extra", reason: "at most 3 questions" },
    ]);
  });
});
