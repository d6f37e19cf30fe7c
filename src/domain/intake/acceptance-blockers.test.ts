import { describe, expect, it } from "vitest";
import {
  type AcceptanceState,
  acceptanceBlockers,
  describeBlockers,
} from "./acceptance-blockers.ts";

const ready: AcceptanceState = {
  status: "quoted",
  questions: [{ id: "q1", answeredAt: 1 }],
  disclosures: [{ id: "d1", acknowledgedAt: 2 }],
  quoted: true,
  quoteNeedsManager: false,
};

describe("acceptance blockers", () => {
  it.each([
    ["nothing when every question is answered and every disclosure acknowledged", ready, []],
    [
      "an open question",
      { ...ready, status: "awaiting_answers", questions: [{ id: "q2", answeredAt: null }] },
      [{ code: "open_question", ref: "q2" }],
    ],
    [
      "an unacknowledged disclosure",
      { ...ready, disclosures: [{ id: "d9", acknowledgedAt: null }] },
      [{ code: "unacknowledged_disclosure", ref: "d9" }],
    ],
    ["a missing quote", { ...ready, status: "draft", quoted: false }, [{ code: "no_quote" }]],
    [
      "a quote beyond the charter not confirmed",
      { ...ready, quoteNeedsManager: true },
      [{ code: "quote_needs_manager" }],
    ],
    ["an order already accepted", { ...ready, status: "accepted" }, [{ code: "not_open" }]],
    ["our advice to decline", { ...ready, advice: "decline" }, [{ code: "advised_decline" }]],
    ["nothing for a 'not worth it' advice", { ...ready, advice: "not_worth_it" }, []],
  ] as [string, AcceptanceState, unknown[]][])("blocks on %s", (_name, state, expected) => {
    expect(acceptanceBlockers(state)).toEqual(expected);
  });

  it("lists every blocker in the organization's language", () => {
    const blockers = acceptanceBlockers({
      ...ready,
      questions: [{ id: "q1", answeredAt: null }],
      disclosures: [{ id: "d1", acknowledgedAt: null }],
    });
    expect(describeBlockers(blockers, "en")).toBe(
      "a question is still open (q1); a disclosure has not been acknowledged by the customer (d1)",
    );
    expect(describeBlockers(blockers, "fr")).toContain("une question est encore ouverte");
  });
});
