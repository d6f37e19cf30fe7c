import { describe, expect, it } from "vitest";
import type { Fact } from "../facts.ts";
import {
  buildChase,
  buildCustomer,
  buildIncident,
  buildOrder,
  day,
  scoreAll,
} from "../scorecard/test-factories.ts";
import { customerWarning } from "./customer-warning.ts";

const card = (segment: string | null, signals: string[]) => ({
  segment,
  signals: signals.map((code) => ({ code })),
});

describe("customer warning at intake", () => {
  it.each([
    ["part_ways wins over signals", card("part_ways", ["abusive", "late_payer"]), "part_ways"],
    ["a negative signal", card("renegotiate", ["missing_inputs"]), "signals"],
    ["a business risk is not a warning", card("steady", ["concentration"]), "none"],
    ["positive signals only", card("partner", ["loyal", "prompt_payer"]), "none"],
    ["a prospect with no scorecard", undefined, "none"],
  ])("%s", (_name, scorecard, level) => {
    expect(customerWarning(scorecard, "manager", "en").level).toBe(level);
  });

  it("tells staff there is a reason for care, not the scorecard itself", () => {
    const scorecard = card("part_ways", ["abusive", "loyal"]);
    const forStaff = customerWarning(scorecard, "staff", "fr");
    expect(forStaff).toEqual({
      level: "part_ways",
      message: expect.stringContaining("responsable"),
    });
    expect(customerWarning(scorecard, "owner", "en")).toMatchObject({
      level: "part_ways",
      segment: "part_ways",
      signals: ["abusive"],
      message: expect.stringContaining("parting ways"),
    });
  });

  it("follows the scorecard: an abusive customer is part_ways, one we keep chasing has signals", () => {
    const abusive = buildCustomer({ id: "c-abusive" });
    const chased = buildCustomer({ id: "c-chased" });
    const facts = (customer: string, extra: Fact[]) => [
      buildOrder({ customer, price: 50_00 }),
      ...extra,
    ];
    const [a, c] = scoreAll([
      {
        customer: abusive,
        facts: facts("c-abusive", [buildIncident({ customer: "c-abusive", severity: 3 })]),
      },
      {
        customer: chased,
        facts: facts(
          "c-chased",
          [1, 2, 3].map((i) => buildChase({ customer: "c-chased", at: day(-i) })),
        ),
      },
    ]);
    expect(customerWarning(a, "manager", "en").level).toBe("part_ways");
    expect(customerWarning(c, "manager", "en")).toMatchObject({
      level: "signals",
      signals: ["missing_inputs"],
    });
  });

  it("suggests the charter's deposit for a customer to renegotiate with, and says why", () => {
    const scorecard = card("renegotiate", []);
    expect(customerWarning(scorecard, "manager", "fr", 30)).toMatchObject({
      level: "none",
      deposit: {
        pct: 30,
        reason: expect.stringMatching(
          /^Ce client est à renégocier : .* Demandez un acompte de 30 % : .*facture d'acompte/,
        ),
      },
    });
    const staff = customerWarning(scorecard, "staff", "en", 25);
    expect(staff.deposit?.reason).toMatch(
      /^For this customer, Comptoir advises firmer terms\. Ask for a 25% deposit/,
    );
    expect(staff.deposit?.reason).not.toContain("renegotiate");
    expect(customerWarning(card("steady", []), "owner", "fr", 30).deposit).toBeUndefined();
    expect(customerWarning(scorecard, "owner", "fr", 0).deposit).toBeUndefined();
  });
});
