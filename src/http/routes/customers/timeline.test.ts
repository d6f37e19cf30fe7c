/**
 * A customer's timeline comes a page at a time (issue 15): a customer with thousands of facts
 * answers with one page of at most 500, newest page first, oldest first within it; a fact's
 * page can be asked for by its id (evidence links); and another organization's page answers
 * meanwhile. Times and memory for 100,000 facts are measured by `npm run bench` (timeline).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, writeJsonl } from "../../../app/ledger-import/fixtures/import-files.ts";
import { importLedger } from "../../../app/ledger-import/import-ledger.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

/** A customer and `n` chases, one an hour from 2024-01-01 (chase k is `h<k>`). */
function busyCustomer(id: string, n: number): object[] {
  const day = (k: number) => new Date(Date.UTC(2024, 0, 1) + k * 3_600_000).toISOString();
  return [
    { type: "customer", id, at: "2023-12-31", name: "Très Occupé" },
    ...Array.from({ length: n }, (_, k) => ({
      type: "chase",
      id: `h${k}`,
      at: day(k),
      customer: id,
    })),
  ];
}

for (const dialect of testDialects()) {
  describe(`customer timeline pages (${dialect})`, () => {
    let t: TestApp;
    let manager: TestUser;
    let rival: TestUser;
    const FACTS = 2_500;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      manager = await signIn(t, "manager");
      rival = await signIn(t, "manager", t.other);
      const dir = tempDir();
      await importLedger(t.store, {
        orgId: t.org.id,
        files: [writeJsonl(dir, "busy.jsonl", busyCustomer("busy", FACTS))],
      });
      await importLedger(t.store, {
        orgId: t.other.id,
        files: [writeJsonl(dir, "small.jsonl", busyCustomer("small", 3))],
      });
    });
    afterAll(() => t.close());

    const get = (user: TestUser, url: string) =>
      call(t.app, { method: "GET", url, headers: user.read });
    const ids = (body: { timeline: { id: string }[] }) => body.timeline.map((e) => e.id);

    it("answers with the most recent 100 facts, oldest first, and the count of all", async () => {
      const response = await get(manager, "/api/orgs/shop/customers/busy");
      expect(response.status).toBe(200);
      expect(response.body.timelinePage).toEqual({ page: 1, pageSize: 100, total: FACTS + 1 });
      expect(ids(response.body)).toEqual(
        Array.from({ length: 100 }, (_, k) => `h${FACTS - 100 + k}`),
      );
      // One page, not 2,501 facts: a few kilobytes.
      expect(JSON.stringify(response.body).length).toBeLessThan(40_000);
    });

    it("pages back to the first fact, the customer record on the last page", async () => {
      const last = Math.ceil((FACTS + 1) / 500);
      const response = await get(
        manager,
        `/api/orgs/shop/customers/busy?timelinePageSize=500&timelinePage=${last}`,
      );
      expect(response.body.timelinePage).toMatchObject({ page: last, pageSize: 500 });
      expect(ids(response.body)[0]).toBe("busy");
      expect(ids(response.body)).toHaveLength(FACTS + 1 - (last - 1) * 500);
      const past = await get(manager, "/api/orgs/shop/customers/busy?timelinePage=999");
      expect(past.body.timeline).toEqual([]);
    });

    it("opens the page that holds a given fact", async () => {
      const response = await get(manager, "/api/orgs/shop/customers/busy?fact=h1234");
      // 2,500 - 1 - 1,234 = 1,265 newer facts: page 13 of 100.
      expect(response.body.timelinePage.page).toBe(13);
      expect(ids(response.body)).toContain("h1234");
      const unknown = await get(manager, "/api/orgs/shop/customers/busy?fact=nope&timelinePage=2");
      expect(unknown.body.timelinePage.page).toBe(2);
    });

    it("caps the page size at 500", async () => {
      const response = await get(manager, "/api/orgs/shop/customers/busy?timelinePageSize=501");
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe("timelinePageSize");
    });

    it("keeps the timeline up to the as-of date", async () => {
      // The end of 2024-01-01: the customer and the chases of its 24 hours.
      const response = await get(manager, "/api/orgs/shop/customers/busy?asOf=2024-01-01");
      expect(response.body.timelinePage.total).toBe(25);
      expect(ids(response.body).at(-1)).toBe("h23");
    });

    it("answers another organization meanwhile", async () => {
      const [busy, small] = await Promise.all([
        get(manager, "/api/orgs/shop/customers/busy?timelinePageSize=500"),
        get(rival, "/api/orgs/rival/customers/small"),
      ]);
      expect(busy.status).toBe(200);
      expect(small.status).toBe(200);
      expect(small.body.timelinePage.total).toBe(4);
    });
  });
}
