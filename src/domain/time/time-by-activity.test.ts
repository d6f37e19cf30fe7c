import { describe, expect, it } from "vitest";
import type { TimeActivity } from "../facts.ts";
import { rankNonBillable, summarizeTime, timeCost, timerMinutes } from "./time-by-activity.ts";

const entry = (customer: string, activity: TimeActivity, minutes: number) => ({
  customer,
  activity,
  minutes,
});

describe("summarizeTime", () => {
  it("says 3 h 20 of chasing at 40 an hour cost 133.33", () => {
    const s = summarizeTime([entry("c", "chasing", 120), entry("c", "chasing", 80)], 40, 2);
    expect(s.activities).toEqual([{ activity: "chasing", minutes: 200, cost: 13333 }]);
    expect(s.nonBillableMinutes).toBe(200);
    expect(s.nonBillableCost).toBe(13333);
  });

  it("keeps work and admin out of the non-billable total, and lists activities in their order", () => {
    const s = summarizeTime(
      [
        entry("c", "admin", 30),
        entry("c", "work", 60),
        entry("c", "complaint", 15),
        entry("c", "negotiation", 15),
      ],
      40,
      2,
    );
    expect(s.activities.map((a) => a.activity)).toEqual([
      "work",
      "complaint",
      "negotiation",
      "admin",
    ]);
    expect(s.minutes).toBe(120);
    expect(s.cost).toBe(8000);
    expect(s.nonBillableMinutes).toBe(30);
    expect(s.nonBillableCost).toBe(2000);
  });

  it("is empty without time", () => {
    expect(summarizeTime([], 40, 2)).toEqual({
      activities: [],
      minutes: 0,
      cost: 0,
      nonBillableMinutes: 0,
      nonBillableCost: 0,
    });
  });
});

describe("timeCost", () => {
  it.each([
    [60, 40, 2, 4000],
    [1, 40, 2, 67],
    [90, 3000, 0, 4500],
    [45, 37.5, 2, 2813],
  ])("%i minutes at %s an hour (%i decimals) cost %i minor units", (m, h, d, cost) => {
    expect(timeCost(m, h, d)).toBe(cost);
  });
});

describe("rankNonBillable", () => {
  it("ranks customers by chasing, revision, negotiation and complaint time, most first", () => {
    const ranked = rankNonBillable(
      [
        entry("a", "work", 600),
        entry("a", "chasing", 10),
        entry("b", "revision", 30),
        entry("b", "complaint", 30),
        entry("c", "negotiation", 45),
        entry("d", "admin", 500),
      ],
      10,
    );
    expect(ranked).toEqual([
      { customer: "b", minutes: 60, byActivity: { revision: 30, complaint: 30 } },
      { customer: "c", minutes: 45, byActivity: { negotiation: 45 } },
      { customer: "a", minutes: 10, byActivity: { chasing: 10 } },
    ]);
  });

  it("breaks ties by customer id and keeps at most the limit", () => {
    const ranked = rankNonBillable(
      [entry("z", "chasing", 5), entry("m", "chasing", 5), entry("a", "chasing", 1)],
      2,
    );
    expect(ranked.map((r) => r.customer)).toEqual(["m", "z"]);
  });
});

describe("timerMinutes", () => {
  it.each([
    [0, 1],
    [29_000, 1],
    [90_000, 2],
    [3_600_000, 60],
    [3_629_999, 60],
    [3_630_000, 61],
  ])("a timer of %i ms counts %i minutes", (ms, minutes) => {
    expect(timerMinutes(1_000, 1_000 + ms)).toBe(minutes);
  });
});
