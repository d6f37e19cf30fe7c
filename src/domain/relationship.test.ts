import { describe, expect, it } from "vitest";
import { draftPartingLetter, type LetterInput } from "./parting-letter.ts";
import {
  defaultDoorOpen,
  endedRelationships,
  PARTING_REASONS,
  type RelationshipDecision,
  relationshipStatus,
} from "./relationship.ts";

const decision = (
  customer: string,
  kind: RelationshipDecision["kind"],
  decidedAt: number,
): RelationshipDecision => ({
  id: `${customer}-${decidedAt}`,
  customer,
  kind,
  reason: kind === "part_ways" ? "unpaid" : null,
  explanation: "x",
  evidence: [],
  doorOpen: true,
  condition: null,
  letterLang: null,
  letterText: null,
  decidedBy: "u1",
  decidedByName: "Owner",
  decidedAt,
});

describe("relationship status", () => {
  it.each([
    ["no decision", [], "active"],
    ["a parting", [decision("a", "part_ways", 1)], "ended"],
    [
      "a parting then a resumption",
      [decision("a", "part_ways", 1), decision("a", "resume", 2)],
      "active",
    ],
    ["given out of order", [decision("a", "resume", 2), decision("a", "part_ways", 1)], "active"],
    [
      "parted again after resuming",
      [decision("a", "part_ways", 1), decision("a", "resume", 2), decision("a", "part_ways", 3)],
      "ended",
    ],
  ] as const)("%s: %s", (_name, decisions, status) => {
    expect(relationshipStatus(decisions).status).toBe(status);
  });

  it("lists only the customers whose latest decision is a parting", () => {
    const ended = endedRelationships([
      decision("a", "part_ways", 1),
      decision("b", "part_ways", 1),
      decision("b", "resume", 2),
    ]);
    expect([...ended.keys()]).toEqual(["a"]);
  });

  it.each(PARTING_REASONS.map((r) => [r, r !== "abusive"] as const))(
    "leaves the door open by default for %s: %s",
    (reason, open) => {
      expect(defaultDoorOpen(reason)).toBe(open);
    },
  );
});

describe("parting letter", () => {
  const base: LetterInput = {
    lang: "en",
    orgName: "Atelier",
    customerName: "Ana",
    reason: "unpaid",
    explanation: "Three reminders went unanswered.",
    doorOpen: true,
    condition: "once the balance is settled",
    outstanding: "€120.00",
    ordersInProgress: ["Resoling (in-1)"],
    signer: "Marc",
  };

  it.each([
    ["says the decision and the reason", base, "because of invoices that remain unpaid"],
    ["thanks the customer", base, "Thank you for the trust"],
    ["settles the balance", base, "outstanding balance of €120.00"],
    ["delivers or refunds orders in progress", base, "(Resoling (in-1)) will be delivered"],
    ["names the condition to come back", base, "welcome back once the balance is settled"],
    [
      "says nothing is owed without a balance",
      { ...base, outstanding: null },
      "You owe us nothing.",
    ],
    ["closes the door when asked", { ...base, doorOpen: false }, "This decision is final."],
    ["writes French", { ...base, lang: "fr" as const }, "Bonjour Ana,"],
    [
      "names abusive behaviour politely in French",
      { ...base, lang: "fr" as const, reason: "abusive" as const, doorOpen: false },
      "le comportement envers notre équipe",
    ],
  ])("%s", (_name, input, expected) => {
    expect(draftPartingLetter(input)).toContain(expected);
  });

  it("leaves out the condition when the door is closed", () => {
    expect(draftPartingLetter({ ...base, doorOpen: false })).not.toContain("welcome back");
  });
});
