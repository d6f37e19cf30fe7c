import { describe, expect, it } from "vitest";
import { clvBench, toBenchRows } from "./clv-bench.ts";
import { LIFETIMES, lifetimesTarget } from "./clv-reference.ts";

describe("the customer-value bench's lifetimes figures", () => {
  it("prints them as an external reference measured elsewhere, with its source and date, never as the same machine", async () => {
    // 2,000 simulated customers keep the run short; the rows quoting lifetimes are the same.
    const printed = toBenchRows(await clvBench(2000)).filter((r) =>
      /lifetimes [\d.]+ s/.test(r.target),
    );
    // Two timed rows and two speed-ups on the simulated customers, four more with CDNOW_master.
    expect(printed.length === 4 || printed.length === 8, `${printed.length} rows`).toBe(true);
    expect.assertions(1 + 4 * printed.length);
    for (const row of printed) {
      expect(row.target, row.measure).toMatch(/external reference measured elsewhere/);
      expect(row.target, row.measure).toContain(LIFETIMES.machine);
      expect(row.target, row.measure).toContain("recorded 2026-11-22");
      expect(row.target, row.measure).not.toMatch(/same machine|this machine|measured here/i);
    }
  });

  it("labels each lifetimes figure with its own number of seconds", () => {
    expect.assertions(2);
    expect(lifetimesTarget(LIFETIMES.cdnowMasterS)).toMatch(/^lifetimes 0\.22 s \(external /);
    expect(lifetimesTarget(LIFETIMES.millionS)).toMatch(/^lifetimes 9 s \(external /);
  });
});
