import { describe, expect, it } from "vitest";
import {
  ADVANCE_TARGETS,
  canAdvance,
  canDecline,
  ORDER_STATUSES,
  openStatus,
} from "./order-status.ts";

describe("order status", () => {
  it.each([
    [0, false, "draft"],
    [0, true, "quoted"],
    [1, false, "awaiting_answers"],
    [2, true, "awaiting_answers"],
  ] as const)("with %s open questions and quoted=%s the order is %s", (open, quoted, status) => {
    expect(openStatus({ openQuestions: open, quoted })).toBe(status);
  });

  const allowed = new Set([
    "accepted>in_progress",
    "in_progress>ready",
    "ready>delivered",
    "delivered>closed",
  ]);
  it("advances one step at a time, forward only", () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ADVANCE_TARGETS) {
        expect(canAdvance(from, to), `${from} > ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it.each([
    ["draft", true],
    ["awaiting_answers", true],
    ["quoted", true],
    ["accepted", false],
    ["delivered", false],
    ["declined", false],
  ] as const)("declines from %s: %s", (status, ok) => {
    expect(canDecline(status)).toBe(ok);
  });
});
