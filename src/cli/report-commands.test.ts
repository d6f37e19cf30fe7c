import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

const SEGMENTS = ["part_ways", "renegotiate", "watch", "partner", "steady"];

for (const dialect of testDialects()) {
  describe(`report commands on the demo (${dialect})`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    beforeEach(async () => {
      fresh = await freshDb(dialect);
      const demo = await runCli(["demo", "--db", fresh.db]);
      expect(demo.code, demo.stderr).toBe(0);
    });
    afterEach(async () => {
      await fresh.close();
    });

    it("lists scorecards as JSON sorted by customer id, with the spec's fields", async () => {
      const r = await runCli(["scorecards", "--org", "demo", "--json", "--db", fresh.db]);
      expect(r.code, r.stderr).toBe(0);
      const cards = JSON.parse(r.stdout);
      expect(cards.length).toBe(40);
      const ids = cards.map((c: { customer: string }) => c.customer);
      expect(ids).toEqual([...ids].sort());
      for (const card of cards) {
        expect(Object.keys(card).sort()).toEqual([
          "customer",
          "margin",
          "name",
          "orders",
          "outstanding",
          "revenue",
          "segment",
          "signals",
        ]);
        expect(card.segment === null || SEGMENTS.includes(card.segment)).toBe(true);
      }
      const seen = new Set(cards.map((c: { segment: string | null }) => c.segment));
      for (const s of SEGMENTS) expect(seen.has(s)).toBe(true);
    });

    it("shows one customer's scorecard with its evidence and French message", async () => {
      const r = await runCli([
        "scorecards",
        "--customer",
        "c-jolicoeur",
        "--org",
        "demo",
        "--json",
        "--db",
        fresh.db,
      ]);
      const [card] = JSON.parse(r.stdout);
      expect(card.segment).toBe("part_ways");
      const gaming = card.signals.find((s: { code: string }) => s.code === "warranty_gaming");
      expect(gaming.evidence.length).toBeGreaterThanOrEqual(2);
      expect(gaming.message).toMatch(/garantie/);
      const en = await runCli([
        "scorecards",
        "--customer",
        "c-jolicoeur",
        "--org",
        "demo",
        "--json",
        "--lang",
        "en",
        "--db",
        fresh.db,
      ]);
      expect(
        JSON.parse(en.stdout)[0].signals.find((s: { code: string }) => s.code === "warranty_gaming")
          .message,
      ).toMatch(/warranty/);
    });

    it("exits 1 naming an unknown customer", async () => {
      const r = await runCli([
        "scorecards",
        "--customer",
        "nobody",
        "--org",
        "demo",
        "--db",
        fresh.db,
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('"nobody"');
    });

    it("ignores facts after --as-of", async () => {
      const r = await runCli([
        "scorecards",
        "--org",
        "demo",
        "--json",
        "--as-of",
        "2000-01-01",
        "--db",
        fresh.db,
      ]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([]);
    });

    it("prints a readable table with segment names in the user's language", async () => {
      const fr = await runCli(["scorecards", "--org", "demo", "--db", fresh.db]);
      expect(fr.stdout).toMatch(/c-jolicoeur\s+Hugues Jolicoeur\s+se séparer/);
      const en = await runCli(["scorecards", "--org", "demo", "--lang", "en", "--db", fresh.db]);
      expect(en.stdout).toMatch(/c-jolicoeur\s+Hugues Jolicoeur\s+part ways/);
      expect(fr.stdout).not.toContain("\x1b[");
    });

    it("gives the portfolio as JSON with the whale curve and every segment", async () => {
      const r = await runCli(["portfolio", "--org", "demo", "--json", "--db", fresh.db]);
      expect(r.code, r.stderr).toBe(0);
      const p = JSON.parse(r.stdout);
      expect(Object.keys(p).sort()).toEqual([
        "customers",
        "hhi",
        "margin",
        "revenue",
        "segments",
        "top_share_pct",
        "whale_curve",
      ]);
      expect(p.customers).toBe(37);
      expect(Object.keys(p.segments).sort()).toEqual([...SEGMENTS].sort());
      expect(p.whale_curve).toHaveLength(101);
      expect(p.whale_curve[0]).toEqual({ customers_pct: 0, profit_pct: 0 });
      expect(p.whale_curve[100]).toEqual({ customers_pct: 100, profit_pct: 100 });
      expect(p.top_share_pct).toBeGreaterThan(25);
    });

    it("does not load the demo twice", async () => {
      const again = await runCli(["demo", "--db", fresh.db]);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain("déjà");
      const r = await runCli(["scorecards", "--org", "demo", "--json", "--db", fresh.db]);
      expect(JSON.parse(r.stdout).length).toBe(40);
    });
  });
}
