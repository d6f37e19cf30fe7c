import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { portfolio } from "../../domain/scorecard/index.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { loadDemo } from "../demo/load-demo.ts";
import { computePortfolio } from "./compute-portfolio.ts";
import { computeScorecards } from "./compute-scorecards.ts";

const TODAY = "2026-11-20";

for (const dialect of testDialects()) {
  describe(`computePortfolio on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    let org: Organization;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      org = (await loadDemo(store, { today: TODAY })).organization;
    });
    afterEach(async () => {
      await store.close();
    });

    it("gives the portfolio of the scorecards, without making them", async () => {
      for (const day of [TODAY, "2026-03-31", "2025-12-01"]) {
        const asOf = Date.parse(`${day}T23:59:59.999Z`);
        const { scorecards } = await computeScorecards(store, org, { asOf, lang: "fr" });
        const { view } = await computePortfolio(store, org, { asOf, lang: "fr" });
        expect(view).toEqual(portfolio(scorecards));
        expect(view.customers).toBeGreaterThan(0);
      }
    });
  });
}
