import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeScorecards } from "../app/scorecards/compute-scorecards.ts";
import { presentScorecard } from "../app/scorecards/present-scorecard.ts";
import { openStore } from "../store/database.ts";
import { ensureOrganization } from "../store/organization-repository.ts";
import { testDialects } from "../store/test-stores.ts";
import { parseAsOf } from "./args.ts";
import { freshDb, runCli } from "./test-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "comptoir-report-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A small shop as of 2026-06-30: Hélène had two orders at 15 % off (a haggler under the
 * default 10 % limit); Bruno owes 50.00 on an invoice of 2025 and 30.00 on one of the window.
 */
const SHOP = [
  { type: "customer", id: "c-helene", at: "2025-09-01", name: "Hélène Marchand" },
  { type: "order", id: "h1", customer: "c-helene", at: "2026-02-10", price: 85, list_price: 100 },
  { type: "order", id: "h2", customer: "c-helene", at: "2026-04-10", price: 85, list_price: 100 },
  { type: "customer", id: "c-bruno", at: "2024-11-01", name: "Bruno Lefort" },
  { type: "order", id: "b1", customer: "c-bruno", at: "2025-01-05", price: 50 },
  {
    type: "invoice",
    id: "bi1",
    customer: "c-bruno",
    at: "2025-01-10",
    amount: 50,
    due: "2025-02-10",
  },
  { type: "order", id: "b2", customer: "c-bruno", at: "2026-05-01", price: 400 },
  {
    type: "invoice",
    id: "bi2",
    customer: "c-bruno",
    at: "2026-05-01",
    amount: 400,
    due: "2026-05-31",
  },
  {
    type: "payment",
    id: "bp2",
    customer: "c-bruno",
    invoice: "bi2",
    at: "2026-05-20",
    amount: 370,
  },
];
const AS_OF = ["--as-of", "2026-06-30"];

interface Card {
  customer: string;
  segment: string | null;
  signals: { code: string; message: string }[];
  outstanding: number;
  outstanding_total: number;
}

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
          "outstanding_total",
          "revenue",
          "segment",
          "signals",
        ]);
        expect(card.segment === null || SEGMENTS.includes(card.segment)).toBe(true);
      }
      const seen = new Set(cards.map((c: { segment: string | null }) => c.segment));
      for (const s of SEGMENTS) expect(seen.has(s)).toBe(true);
    });

    it("streams scorecards --json as the very text of JSON.stringify of the same scorecards", async () => {
      const r = await runCli(["scorecards", "--org", "demo", "--json", "--db", fresh.db, ...AS_OF]);
      expect(r.code, r.stderr).toBe(0);
      const store = await openStore(fresh.db);
      try {
        const org = await ensureOrganization(store, "demo");
        const { charter, scorecards } = await computeScorecards(store, org, {
          asOf: parseAsOf("2026-06-30"),
          lang: "fr",
        });
        const cards = scorecards.map((c) => presentScorecard(c, charter));
        expect(r.stdout).toBe(`${JSON.stringify(cards, null, 2)}\n`);
      } finally {
        await store.close();
      }
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

  describe(`report commands on a small shop (${dialect})`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    const ledger = join(dir, `shop-${dialect}.jsonl`);
    beforeEach(async () => {
      fresh = await freshDb(dialect);
      writeFileSync(ledger, `${SHOP.map((l) => JSON.stringify(l)).join("\n")}\n`);
    });
    afterEach(async () => {
      await fresh.close();
    });

    const scorecards = async (org: string, ...extra: string[]) => {
      const r = await runCli([
        "scorecards",
        "--org",
        org,
        "--json",
        ...AS_OF,
        ...extra,
        "--db",
        fresh.db,
      ]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Card[];
    };
    const helene = async (org: string) =>
      (await scorecards(org)).find((c) => c.customer === "c-helene") as Card;

    it("applies a charter stored with --set on the next scorecards read", async () => {
      const imported = await runCli(["import", ledger, "--org", "shop", "--db", fresh.db]);
      expect(imported.code, imported.stderr).toBe(0);
      const before = await helene("shop");
      expect(before.signals.map((s) => s.code)).toContain("haggler");
      expect(before.segment).toBe("renegotiate");

      const set = await runCli([
        "charter",
        "--org",
        "shop",
        "--set",
        "max_discount_pct=20",
        "--db",
        fresh.db,
      ]);
      expect(set.code, set.stderr).toBe(0);
      const after = await helene("shop");
      expect(after.signals.map((s) => s.code)).not.toContain("haggler");
      expect(after.segment).toBe("steady");

      await runCli(["charter", "--org", "shop", "--set", "max_discount_pct=14", "--db", fresh.db]);
      const back = await helene("shop");
      expect(back.segment).toBe("renegotiate");
      expect(back.signals.find((s) => s.code === "haggler")?.message).toContain("14 %");
    });

    it("gives the window's outstanding balance and, apart, everything owed", async () => {
      await runCli(["import", ledger, "--org", "shop", "--db", fresh.db]);
      const bruno = (await scorecards("shop")).find((c) => c.customer === "c-bruno") as Card;
      expect(bruno).toMatchObject({ outstanding: 30, outstanding_total: 80 });
      const table = await runCli(["scorecards", "--org", "shop", ...AS_OF, "--db", fresh.db]);
      expect(table.stdout).toMatch(
        /c-bruno\s+Bruno Lefort\s+\S+\s+400,00\s€\s+400,00\s€\s+1\s+30,00\s€/,
      );
    });

    it("speaks the organization's language unless --lang says otherwise", async () => {
      const store = await openStore(fresh.db);
      await ensureOrganization(store, "shop-en", { lang: "en" });
      await store.close();
      await runCli(["import", ledger, "--org", "shop-en", "--db", fresh.db]);
      // The test environment says LANG=fr_FR: the organization's English wins.
      const en = (await scorecards("shop-en")).find((c) => c.customer === "c-helene") as Card;
      expect(en.signals.find((s) => s.code === "haggler")?.message).toBe(
        "2 of 2 orders in 12 months discounted by more than 10% (up to 15%)",
      );
      const table = await runCli(["scorecards", "--org", "shop-en", ...AS_OF, "--db", fresh.db]);
      expect(table.stdout).toMatch(/c-helene\s+Hélène Marchand\s+renegotiate/);
      const fr = (await scorecards("shop-en", "--lang", "fr")).find(
        (c) => c.customer === "c-helene",
      ) as Card;
      expect(fr.signals.find((s) => s.code === "haggler")?.message).toBe(
        "2 commandes sur 2 en 12 mois avec une remise de plus de 10 % (jusqu'à 15 %)",
      );
      const portfolio = await runCli(["portfolio", "--org", "shop-en", ...AS_OF, "--db", fresh.db]);
      expect(portfolio.stdout).toContain("top customer's share");
      const clv = await runCli(["clv", "--org", "shop-en", ...AS_OF, "--db", fresh.db]);
      expect(clv.code, clv.stderr).toBe(0);
      expect(clv.stdout).toMatch(/customer\s+x\s+P\(alive\)\s+expected orders/);
      const clvFr = await runCli([
        "clv",
        "--org",
        "shop-en",
        "--lang",
        "fr",
        ...AS_OF,
        "--db",
        fresh.db,
      ]);
      expect(clvFr.stdout).toMatch(/client\s+x\s+P\(actif\)\s+commandes attendues/);
    });
  });
}
