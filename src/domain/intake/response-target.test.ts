import { describe, expect, it } from "vitest";
import { answeredInTime, responseTarget } from "./response-target.ts";
import { addWallClockHours, formatWallClock } from "./zoned-time.ts";

const t = (iso: string) => Date.parse(iso);

describe("response targets in the organization's time zone", () => {
  it.each([
    [
      "Paris, an ordinary day",
      "2026-03-10T09:00:00Z",
      24,
      "Europe/Paris",
      "2026-03-11T09:00:00.000Z",
    ],
    // Summer time starts on 29 March 2026 in Paris: 10:00 on Saturday → 10:00 on Sunday, 23 real hours.
    [
      "Paris, across the change to summer time",
      "2026-03-28T09:00:00Z",
      24,
      "Europe/Paris",
      "2026-03-29T08:00:00.000Z",
    ],
    // Winter time comes back on 25 October 2026: 25 real hours.
    [
      "Paris, across the change to winter time",
      "2026-10-24T08:00:00Z",
      24,
      "Europe/Paris",
      "2026-10-25T09:00:00.000Z",
    ],
    // New York changes on 8 March 2026, three weeks before Paris.
    [
      "New York, across its own change",
      "2026-03-07T15:00:00Z",
      24,
      "America/New_York",
      "2026-03-08T14:00:00.000Z",
    ],
    [
      "New York, on the day Paris changes (nothing happens there)",
      "2026-03-28T09:00:00Z",
      24,
      "America/New_York",
      "2026-03-29T09:00:00.000Z",
    ],
    ["UTC, half a day", "2026-03-28T09:00:00Z", 12, "UTC", "2026-03-28T21:00:00.000Z"],
    [
      "a target that lands in the skipped hour moves forward",
      "2026-03-28T01:30:00Z",
      24,
      "Europe/Paris",
      "2026-03-29T01:30:00.000Z",
    ],
  ])("%s", (_name, since, hours, zone, due) => {
    expect(new Date(responseTarget(t(since), hours, zone, t(since)).due).toISOString()).toBe(due);
  });

  it("counts down and flags the overdue", () => {
    const since = t("2026-03-10T09:00:00Z");
    expect(responseTarget(since, 24, "Europe/Paris", t("2026-03-11T08:30:00Z"))).toMatchObject({
      remainingMinutes: 30,
      overdue: false,
    });
    expect(responseTarget(since, 24, "Europe/Paris", t("2026-03-11T09:00:00Z")).overdue).toBe(
      false,
    );
    expect(responseTarget(since, 24, "Europe/Paris", t("2026-03-11T09:01:00Z"))).toMatchObject({
      remainingMinutes: -1,
      overdue: true,
    });
  });

  it("judges an answer against the local clock", () => {
    const since = t("2026-03-28T09:00:00Z");
    expect(answeredInTime(since, t("2026-03-29T08:00:00Z"), 24, "Europe/Paris")).toBe(true);
    expect(answeredInTime(since, t("2026-03-29T08:30:00Z"), 24, "Europe/Paris")).toBe(false);
  });

  it("shows the wall clock", () => {
    expect(
      formatWallClock(
        addWallClockHours(t("2026-03-28T09:00:00Z"), 24, "Europe/Paris"),
        "Europe/Paris",
      ),
    ).toBe("2026-03-29 10:00");
  });
});
