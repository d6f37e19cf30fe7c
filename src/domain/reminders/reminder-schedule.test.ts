import { describe, expect, it } from "vitest";
import type { InvoiceFact } from "../facts.ts";
import {
  DEFAULT_SCHEDULE,
  decideReminder,
  type InvoiceState,
  openComplaintOn,
  scheduleProblems,
} from "./reminder-schedule.ts";

const DAY = 86_400_000;
const DUE = Date.UTC(2026, 2, 2);
const invoice: InvoiceFact = {
  type: "invoice",
  id: "F-1",
  at: DUE - 30 * DAY,
  customer: "c",
  amount: 10_000,
  due: DUE,
  order: "o-1",
};
const state = (over: Partial<InvoiceState> = {}): InvoiceState => ({
  invoice,
  balance: 10_000,
  credited: 0,
  sent: [],
  claimed: [],
  ...over,
});
const at = (days: number) => DUE + days * DAY + 3_600_000;

describe("the reminder schedule", () => {
  it.each([
    [6, { kind: "upcoming", level: 1 }],
    [7, { kind: "due", level: 1 }],
    [30, { kind: "due", level: 1 }],
  ])("on due + %i days, before any reminder: %o", (days, expected) => {
    expect(decideReminder(state(), DEFAULT_SCHEDULE, at(days))).toMatchObject(expected);
  });

  it("levels 2 and 3 at + 21 and + 45, at least 7 days after the previous one", () => {
    const after1 = state({ sent: [{ level: 1, at: at(7) }] });
    expect(decideReminder(after1, DEFAULT_SCHEDULE, at(20))).toMatchObject({
      kind: "upcoming",
      level: 2,
    });
    expect(decideReminder(after1, DEFAULT_SCHEDULE, at(21))).toMatchObject({
      kind: "due",
      level: 2,
    });
    const late1 = state({ claimed: [{ level: 1, at: at(40) }] });
    expect(decideReminder(late1, DEFAULT_SCHEDULE, at(46))).toMatchObject({
      kind: "upcoming",
      level: 2,
      dueAt: DUE + 47 * DAY,
    });
    const after2 = state({
      sent: [
        { level: 1, at: at(7) },
        { level: 2, at: at(21) },
      ],
    });
    expect(decideReminder(after2, DEFAULT_SCHEDULE, at(44))).toMatchObject({
      kind: "upcoming",
      level: 3,
    });
    expect(decideReminder(after2, DEFAULT_SCHEDULE, at(45))).toMatchObject({
      kind: "due",
      level: 3,
    });
  });

  it("is manual after the formal notice, imported or sent here", () => {
    expect(
      decideReminder(state({ sent: [{ level: 3, at: at(45) }] }), DEFAULT_SCHEDULE, at(90)),
    ).toEqual({ kind: "stopped", reason: "manual" });
    expect(
      decideReminder(state({ claimed: [{ level: 3, at: at(45) }] }), DEFAULT_SCHEDULE, at(90)),
    ).toEqual({ kind: "stopped", reason: "manual" });
  });

  it.each([
    ["paid", state({ balance: 0 }), "paid"],
    ["overpaid", state({ balance: -500 }), "paid"],
    ["settled by a credit note", state({ balance: 0, credited: 4_000 }), "credited"],
    [
      "paused until a later day",
      state({ pause: { until: DUE + 10 * DAY, reason: "promesse" } }),
      "paused",
    ],
    [
      "a complaint open",
      state({
        openComplaint: { type: "complaint", id: "k", at: DUE, customer: "c", order: "o-1" },
      }),
      "complaint",
    ],
  ])("stops when %s", (_what, s, reason) => {
    expect(decideReminder(s, DEFAULT_SCHEDULE, at(10))).toEqual({ kind: "stopped", reason });
  });

  it("goes on the day after a pause ends (its end day included)", () => {
    const paused = state({ pause: { until: DUE + 10 * DAY, reason: "promesse" } });
    expect(decideReminder(paused, DEFAULT_SCHEDULE, at(10))).toMatchObject({ kind: "stopped" });
    expect(decideReminder(paused, DEFAULT_SCHEDULE, at(11))).toMatchObject({
      kind: "due",
      level: 1,
    });
  });

  it("sends the optional courtesy e-mail before the due date, once", () => {
    const schedule = { ...DEFAULT_SCHEDULE, courtesyDaysBefore: 3 };
    expect(decideReminder(state(), schedule, at(-4))).toMatchObject({ kind: "upcoming", level: 0 });
    expect(decideReminder(state(), schedule, at(-3))).toMatchObject({ kind: "due", level: 0 });
    const done = state({ claimed: [{ level: 0, at: at(-3) }] });
    expect(decideReminder(done, schedule, at(-1))).toMatchObject({ kind: "upcoming", level: 1 });
    // Past the due date the courtesy mail is pointless: level 1 comes next.
    expect(decideReminder(state(), schedule, at(7))).toMatchObject({ kind: "due", level: 1 });
  });

  it("finds a complaint open on the invoice's order or one of its orders, not a resolved one", () => {
    const k = { type: "complaint" as const, id: "k", at: DUE, customer: "c" };
    expect(openComplaintOn(invoice, [{ ...k, order: "o-1" }])).toBeDefined();
    expect(openComplaintOn(invoice, [{ ...k, order: "o-1", resolved: DUE + DAY }])).toBeUndefined();
    expect(openComplaintOn(invoice, [{ ...k, order: "o-2" }])).toBeUndefined();
    const several = { ...invoice, extra: { orders: ["o-1", "o-2"] } };
    expect(openComplaintOn(several, [{ ...k, order: "o-2" }])).toBeDefined();
  });

  it("refuses a schedule whose levels are out of order, naming the field", () => {
    expect(scheduleProblems({ ...DEFAULT_SCHEDULE, levelDays: [21, 7, 45] })[0]).toMatch(
      /^levelDays: /,
    );
    expect(scheduleProblems({ ...DEFAULT_SCHEDULE, courtesyDaysBefore: 0 })[0]).toMatch(
      /^courtesyDaysBefore: /,
    );
    expect(scheduleProblems(DEFAULT_SCHEDULE)).toEqual([]);
  });
});
