import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "comptoir-themes-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A cobbler's feedback: price twice, waiting once (with price), staff once, one with no theme. */
const FEEDBACK = [
  { type: "customer", id: "c1", at: "2026-01-01", name: "Hélène Marchand" },
  {
    type: "feedback",
    id: "f1",
    at: "2026-03-04",
    source: "customer",
    customer: "c1",
    score: 4,
    text: "Beaucoup trop cher pour un ressemelage.",
  },
  {
    type: "feedback",
    id: "f2",
    at: "2026-05-20",
    source: "prospect",
    score: 6,
    text: "Le devis était hors de prix. Et trois semaines de délai !",
  },
  {
    type: "feedback",
    id: "f3",
    at: "2026-05-22",
    source: "churned",
    score: 9,
    text: "L'accueil est toujours chaleureux.",
  },
  { type: "feedback", id: "f4", at: "2026-05-23", source: "customer", score: 10, text: "Merci !" },
  { type: "feedback", id: "f5", at: "2026-05-24", source: "customer", score: 8 },
  {
    type: "feedback",
    id: "f6",
    at: "2026-07-01",
    source: "customer",
    score: 0,
    text: "Trop cher, après la date.",
  },
];

for (const dialect of testDialects()) {
  describe(`comptoir themes (${dialect})`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    beforeEach(async () => {
      fresh = await freshDb(dialect);
      const file = join(dir, `feedback-${dialect}.jsonl`);
      writeFileSync(file, FEEDBACK.map((f) => JSON.stringify(f)).join("\n"));
      const r = await runCli(["import", file, "--db", fresh.db]);
      expect(r.code, r.stderr).toBe(0);
    });
    afterEach(async () => {
      await fresh.close();
    });

    it("prints spec section 5's JSON: themes with id, label, keywords, feedback ids and the monthly trend", async () => {
      const r = await runCli(["themes", "--json", "--as-of", "2026-06-30", "--db", fresh.db]);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(["themes"]);
      for (const theme of out.themes)
        expect(Object.keys(theme)).toEqual(["id", "label", "keywords", "feedback", "trend"]);
      const byId = Object.fromEntries(out.themes.map((t: { id: string }) => [t.id, t]));
      expect(out.themes.map((t: { id: string }) => t.id)).toEqual(["price", "waiting", "staff"]);
      expect(byId.price.label).toBe("Prix et rapport qualité-prix");
      expect(byId.price.keywords).toContain("cher");
      // f6 is after the as-of date; f2 is in two themes; f4 and f5 in none
      expect(byId.price.feedback).toEqual(["f1", "f2"]);
      expect(byId.waiting.feedback).toEqual(["f2"]);
      expect(byId.staff.feedback).toEqual(["f3"]);
      expect(byId.price.trend).toEqual([
        { month: "2026-03", count: 1 },
        { month: "2026-04", count: 0 },
        { month: "2026-05", count: 1 },
        { month: "2026-06", count: 0 },
      ]);
    });

    it("speaks English with --lang en, and counts what no theme takes", async () => {
      const json = await runCli([
        "themes",
        "--json",
        "--lang",
        "en",
        "--as-of",
        "2026-06-30",
        "--db",
        fresh.db,
      ]);
      expect(JSON.parse(json.stdout).themes[0].label).toBe("Price and value");
      const text = await runCli(["themes", "--as-of", "2026-06-30", "--db", fresh.db]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain("4 avis avec un texte, dont 1 sans thème.");
      expect(text.stdout).toContain("Prix et rapport qualité-prix");
      expect(text.stdout).toMatch(/Prix et rapport qualité-prix\s+2\s+100\s%/u);
    });

    it("exits 2 on a bad --as-of, naming it", async () => {
      const r = await runCli(["themes", "--as-of", "2026-13-45", "--db", fresh.db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--as-of");
      expect(r.stdout).toBe("");
    });
  });
}
