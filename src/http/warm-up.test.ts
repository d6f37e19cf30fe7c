import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDemo } from "../app/demo/load-demo.ts";
import type { Store } from "../store/database.ts";
import { ensureOrganization } from "../store/organization-repository.ts";
import { openTestStore, testDialects } from "../store/test-stores.ts";
import { parseAsOfParam } from "./as-of.ts";
import { ScorecardCache } from "./scorecard-cache.ts";
import { buildServer } from "./server.ts";
import { startWarmUp } from "./warm-up.ts";

const quiet = { info: () => {}, error: () => {} };

for (const dialect of testDialects()) {
  describe(`warming at start (${dialect})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openTestStore(dialect);
    });
    afterEach(() => store.close());

    it("builds today's scorecards, those 30 days earlier and the value fit of organizations with facts", async () => {
      const demo = (await loadDemo(store)).organization;
      await ensureOrganization(store, "empty", { name: "Empty" });
      const cache = new ScorecardCache(store);
      const errors: unknown[] = [];
      const warm = startWarmUp(store, cache, { ...quiet, error: (e) => errors.push(e) });
      await warm.round;
      warm.stop();
      expect(errors).toEqual([]);
      // Two indexes (today, 30 days earlier) and one fit for the demo, nothing for "empty".
      expect(cache.builds).toBe(2);
      expect(cache.values.fits).toBe(1);
      const lang = demo.lang === "en" ? "en" : "fr";
      const report = await cache.get(demo, parseAsOfParam(undefined), lang);
      expect(report.scorecards.length).toBeGreaterThan(10);
      await cache.values.get(demo, parseAsOfParam(undefined), report.charter);
      expect([cache.builds, cache.values.fits]).toEqual([2, 1]);
    });

    it("lets a server warm up in the background and close while it does", async () => {
      await loadDemo(store);
      const app = await buildServer({
        store,
        publicUrl: "http://localhost:3000",
        authSecret: "test-secret-test-secret-test-secret-123",
        webDist: "/nonexistent",
        warmUp: true,
      });
      await app.ready();
      const health = await app.inject({ method: "GET", url: "/api/health" });
      expect(health.statusCode).toBe(200);
      await app.close();
    });
  });
}
