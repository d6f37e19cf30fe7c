import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Organization } from "../store/organization-repository.ts";
import { openTestStore, testDialects } from "../store/test-stores.ts";
import { computeScorecards } from "./compute-scorecards.ts";
import { importLedger } from "./import-ledger.ts";
import { loadDemo } from "./load-demo.ts";
import { ScorecardIndex } from "./scorecard-index.ts";

const dir = mkdtempSync(join(tmpdir(), "comptoir-index-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TODAY = "2026-11-20";
const asOf = Date.parse(`${TODAY}T23:59:59.999Z`);

function jsonl(name: string, lines: object[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  return file;
}

for (const dialect of testDialects()) {
  describe(`scorecard index on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    let org: Organization;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      org = (await loadDemo(store, { today: TODAY })).organization;
    });
    afterEach(async () => {
      await store.close();
    });

    it("gives the same scorecards as a full computation", async () => {
      const index = await ScorecardIndex.build(store, org, { asOf, lang: "fr" });
      const full = await computeScorecards(store, org, { asOf, lang: "fr" });
      expect(index.all()).toEqual(full.scorecards);
    });

    it("re-assesses only the customers touched by a new import, and stays equal to a full computation", async () => {
      const index = await ScorecardIndex.build(store, org, { asOf, lang: "en" });
      expect(await index.refresh()).toEqual([]);
      const before = index.scorecard("c-aubert");
      expect(before?.signals.map((s) => s.code)).not.toContain("missing_inputs");
      const file = jsonl("chases.jsonl", [
        { type: "chase", id: "idx-h1", customer: "c-aubert", at: "2026-11-01" },
        { type: "chase", id: "idx-h2", customer: "c-aubert", at: "2026-11-05" },
        { type: "chase", id: "idx-h3", customer: "c-aubert", at: "2026-11-10" },
        { type: "order", id: "idx-o1", customer: "c-mercier", at: "2026-11-10", price: 20000 },
      ]);
      expect((await importLedger(store, { orgId: org.id, files: [file] })).ok).toBe(true);
      expect((await index.refresh()).sort()).toEqual(["c-aubert", "c-mercier"]);
      expect(index.scorecard("c-aubert")?.segment).toBe("renegotiate");
      // A big new order moves the organization totals: concentration follows.
      expect(index.scorecard("c-mercier")?.signals.map((s) => s.code)).toContain("concentration");
      const full = await computeScorecards(store, org, { asOf, lang: "en" });
      expect(index.all()).toEqual(full.scorecards);
    });
  });
}
