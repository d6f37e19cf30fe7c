import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCdnowTransactions } from "../domain/clv/cdnow-fixture.ts";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

const sample = new URL("../../../shared/data/cdnow/CDNOW_sample.txt", import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "comptoir-clv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CDNOW sample as a Comptoir ledger: one customer fact and one order per transaction. */
function cdnowLedger(): string {
  const tx = parseCdnowTransactions(readFileSync(sample, "utf8"));
  const first = new Map<string, number>();
  for (const t of tx)
    first.set(t.customer, Math.min(first.get(t.customer) ?? Number.POSITIVE_INFINITY, t.at));
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const lines = [...first].map(([id, at]) =>
    JSON.stringify({ type: "customer", id, at: day(at), name: `Client ${id}` }),
  );
  tx.forEach((t, i) => {
    lines.push(
      JSON.stringify({
        type: "order",
        id: `o${i}`,
        customer: t.customer,
        at: day(t.at),
        price: t.amount,
      }),
    );
  });
  return `${lines.join("\n")}\n`;
}

const within = (actual: number, expected: number, pct = 1) =>
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(pct / 100);

for (const dialect of testDialects()) {
  describe.skipIf(!existsSync(sample))(`comptoir clv on ${dialect}`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    beforeEach(async () => {
      fresh = await freshDb(dialect);
    });
    afterEach(async () => {
      await fresh.close();
    });

    it("reproduces Fader, Hardie and Lee's CDNOW fit from imported orders", async () => {
      const file = join(dir, `cdnow-${dialect}.jsonl`);
      writeFileSync(file, cdnowLedger());
      const imported = await runCli(["import", file, "--db", fresh.db, "--org", "cdnow"]);
      expect(imported.code, imported.stderr).toBe(0);
      const r = await runCli([
        "clv",
        "--calibration-end",
        "1997-09-30",
        "--horizon-weeks",
        "39",
        "--json",
        "--db",
        fresh.db,
        "--org",
        "cdnow",
      ]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      within(report.model.r, 0.243);
      within(report.model.alpha, 4.414);
      within(report.model.a, 0.793);
      within(report.model.b, 2.426);
      within(report.model.ll, -9582.4, 0.1);
      within(report.spend.p, 6.25);
      within(report.spend.q, 3.74);
      within(report.spend.gamma, 15.44);
      expect(report.customers).toHaveLength(2357);
      const one = report.customers[0];
      expect(Object.keys(one)).toEqual(
        expect.arrayContaining(["customer", "x", "t_x", "T", "p_alive", "expected_orders", "clv"]),
      );
      expect(one.p_alive).toBeGreaterThan(0);
      expect(one.p_alive).toBeLessThanOrEqual(1);
    });

    it("says clearly when there is not enough history to fit", async () => {
      const file = join(dir, `tiny-${dialect}.jsonl`);
      writeFileSync(
        file,
        `${[
          { type: "customer", id: "a", at: "2026-01-05", name: "A" },
          { type: "order", id: "o1", customer: "a", at: "2026-01-05", price: 10 },
        ]
          .map((l) => JSON.stringify(l))
          .join("\n")}\n`,
      );
      expect((await runCli(["import", file, "--db", fresh.db])).code).toBe(0);
      const r = await runCli(["clv", "--db", fresh.db, "--as-of", "2026-06-30", "--json"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/comptoir: .+/);
    });

    it("refuses a bad horizon as a usage error", async () => {
      const r = await runCli(["clv", "--horizon-weeks", "-3", "--db", fresh.db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--horizon-weeks");
    });
  });
}
