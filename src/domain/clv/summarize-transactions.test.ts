import { describe, expect, it } from "vitest";
import { ClvInputError } from "./clv-errors.ts";
import { summarizeTransactions } from "./summarize-transactions.ts";

const day = (d: number, hour = 12) => Date.UTC(2024, 0, 1 + d, hour);
const END = Date.UTC(2024, 0, 29); // day 28 after 2024-01-01, i.e. 4 weeks

describe("summarizeTransactions", () => {
  it.each([
    {
      rule: "a single purchase has no repeat, t_x 0, monetary 0",
      tx: [{ customer: "a", at: day(0), amount: 10 }],
      expected: { x: 0, t_x: 0, T: 4, monetary: 0 },
    },
    {
      rule: "purchases on the same day count once, amounts summed",
      tx: [
        { customer: "a", at: day(0, 9), amount: 10 },
        { customer: "a", at: day(7, 9), amount: 5 },
        { customer: "a", at: day(7, 18), amount: 7 },
      ],
      expected: { x: 1, t_x: 1, T: 4, monetary: 12 },
    },
    {
      rule: "monetary is the mean of repeat days, the first day left out",
      tx: [
        { customer: "a", at: day(0), amount: 1000 },
        { customer: "a", at: day(14), amount: 20 },
        { customer: "a", at: day(21), amount: 40 },
      ],
      expected: { x: 2, t_x: 3, T: 4, monetary: 30 },
    },
    {
      rule: "a purchase late on the calibration end day is inside the period",
      tx: [
        { customer: "a", at: day(7), amount: 10 },
        { customer: "a", at: day(28, 23), amount: 10 },
      ],
      expected: { x: 1, t_x: 3, T: 3, monetary: 10 },
    },
    {
      rule: "purchases after the calibration end day are ignored",
      tx: [
        { customer: "a", at: day(0), amount: 10 },
        { customer: "a", at: day(29, 0), amount: 99 },
      ],
      expected: { x: 0, t_x: 0, T: 4, monetary: 0 },
    },
    {
      rule: "input order does not matter",
      tx: [
        { customer: "a", at: day(21), amount: 40 },
        { customer: "a", at: day(0), amount: 1 },
        { customer: "a", at: day(14), amount: 20 },
      ],
      expected: { x: 2, t_x: 3, T: 4, monetary: 30 },
    },
  ])("$rule", ({ tx, expected }) => {
    expect(summarizeTransactions(tx, END)).toEqual([{ customer: "a", ...expected }]);
  });

  it("measures T to the start of the end day, whatever the time of day of calibrationEnd", () => {
    const tx = [{ customer: "a", at: day(0), amount: 1 }];
    expect(summarizeTransactions(tx, END)).toEqual(summarizeTransactions(tx, END + 86_399_999));
  });

  it("leaves out customers first seen after the calibration end", () => {
    const tx = [
      { customer: "a", at: day(0), amount: 1 },
      { customer: "b", at: day(30), amount: 1 },
    ];
    expect(summarizeTransactions(tx, END).map((r) => r.customer)).toEqual(["a"]);
  });

  it.each([
    ["tx[0].customer", { customer: "", at: day(0), amount: 1 }],
    ["tx[0].at", { customer: "a", at: Number.NaN, amount: 1 }],
    ["tx[0].amount", { customer: "a", at: day(0), amount: Number.POSITIVE_INFINITY }],
  ])("rejects a bad %s by name", (field, tx) => {
    expect(() => summarizeTransactions([tx], END)).toThrow(
      expect.objectContaining({ field, code: "BAD_INPUT" }),
    );
    expect(() => summarizeTransactions([tx], END)).toThrow(ClvInputError);
  });
});
