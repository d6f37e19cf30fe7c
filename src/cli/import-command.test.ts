import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "comptoir-import-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GOOD = [
  { type: "customer", id: "c1", at: "2026-01-05", name: "Mme Sansregret" },
  { type: "order", id: "o1", customer: "c1", at: "2026-01-06", price: 120, list_price: 130 },
]
  .map((l) => JSON.stringify(l))
  .join("\n");

for (const dialect of testDialects()) {
  describe(`comptoir import on ${dialect}`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    beforeEach(async () => {
      fresh = await freshDb(dialect);
    });
    afterEach(async () => {
      await fresh.close();
    });

    it("prints counts per type, then unchanged counts on a second run", async () => {
      const path = file(`good-${dialect}.jsonl`, `${GOOD}\n`);
      const first = await runCli(["import", path, "--db", fresh.db]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/customer\s+1\s+0/);
      expect(first.stdout).toMatch(/order\s+1\s+0/);
      const again = await runCli(["import", path, "--db", fresh.db, "--json"]);
      expect(again.code).toBe(0);
      const report = JSON.parse(again.stdout);
      expect(report.counts.order).toEqual({ added: 0, unchanged: 1 });
    });

    it("refuses a file with a bad line, listing it as line N: field: reason, and imports nothing", async () => {
      const path = file(
        `bad-${dialect}.jsonl`,
        `${GOOD}\n${JSON.stringify({ type: "order", id: "o2", customer: "c1", at: "2026-01-07", price: "cher" })}\n`,
      );
      const r = await runCli(["import", path, "--db", fresh.db]);
      expect(r.code).toBe(1);
      // The line as the spec writes it; the summary in the terminal's language (LANG=fr_FR).
      expect(r.stderr).toMatch(/line 3: price: /);
      expect(r.stderr).toContain("1 ligne en erreur");
      // Asked for in French, the line is French too.
      const fr = await runCli(["import", path, "--db", fresh.db, "--lang", "fr"]);
      expect(fr.code).toBe(1);
      expect(fr.stderr).toContain("ligne 3 : price : doit être un nombre");
      expect(r.stderr).toContain("rien n'a été importé");
      const cards = await runCli(["scorecards", "--json", "--db", fresh.db]);
      expect(JSON.parse(cards.stdout)).toEqual([]);
    });

    it("imports the valid lines with --allow-partial and still exits 1", async () => {
      const path = file(
        `partial-${dialect}.jsonl`,
        `${GOOD}\n${JSON.stringify({ type: "order", id: "o2", customer: "nobody", at: "2026-01-07", price: 3 })}\n`,
      );
      const r = await runCli(["import", path, "--allow-partial", "--db", fresh.db, "--lang", "en"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/line 3: customer: /);
      expect(r.stderr).toContain("Partial import");
      const cards = await runCli([
        "scorecards",
        "--json",
        "--db",
        fresh.db,
        "--as-of",
        "2026-02-01",
      ]);
      expect(JSON.parse(cards.stdout).map((c: { customer: string }) => c.customer)).toEqual(["c1"]);
    });

    it("reports a conflict: same id, different content", async () => {
      expect(
        (await runCli(["import", file(`a-${dialect}.jsonl`, `${GOOD}\n`), "--db", fresh.db])).code,
      ).toBe(0);
      const changed = GOOD.replace('"price":120', '"price":99');
      const r = await runCli([
        "import",
        file(`b-${dialect}.jsonl`, `${changed}\n`),
        "--db",
        fresh.db,
        "--json",
      ]);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.conflicts[0]).toMatchObject({ type: "order", id: "o1", with: "stored" });
    });

    it("prints each bad line exactly as line N: field: reason, under its file's name", async () => {
      const bad = JSON.stringify({ type: "order", id: "o9", customer: "c1", at: "2026-01-07" });
      const first = file(`h1-${dialect}.jsonl`, `${GOOD}\n${bad}\n`);
      const second = file(`h2-${dialect}.jsonl`, `${bad.replace("o9", "o8")}\n`);
      const r = await runCli(["import", first, second, "--db", fresh.db, "--lang", "en"]);
      expect(r.code).toBe(1);
      const lines = r.stderr.split("\n");
      expect(lines.slice(0, 4)).toEqual([
        `${first}:`,
        "line 3: price: required",
        `${second}:`,
        "line 1: price: required",
      ]);
      expect(r.stderr).toContain("Import refused: 2 bad lines (2 errors or conflicts)");
    });

    it("counts a conflict once in the summary", async () => {
      expect(
        (await runCli(["import", file(`k1-${dialect}.jsonl`, `${GOOD}\n`), "--db", fresh.db])).code,
      ).toBe(0);
      const changed = GOOD.replace('"price":120', '"price":99');
      const r = await runCli([
        "import",
        file(`k2-${dialect}.jsonl`, `${changed}\n`),
        "--db",
        fresh.db,
        "--lang",
        "en",
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Import refused: 1 bad line (1 error or conflict)");
    });

    it("says which file is missing", async () => {
      const r = await runCli(["import", join(dir, "absent.jsonl"), "--db", fresh.db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("absent.jsonl");
    });
  });
}

describe("comptoir import usage", () => {
  it("exits 2 without a file", async () => {
    const r = await runCli(["import", "--db", ":memory:"]);
    expect(r.code).toBe(2);
  });
});

for (const dialect of testDialects()) {
  describe(`corrections through the import (${dialect})`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    beforeEach(async () => {
      fresh = await freshDb(dialect);
    });
    afterEach(async () => {
      await fresh.close();
    });

    it("appends a correction that names the fact it corrects; scorecards read the corrected fact once", async () => {
      expect(
        (await runCli(["import", file(`c1-${dialect}.jsonl`, `${GOOD}\n`), "--db", fresh.db])).code,
      ).toBe(0);
      const fix = {
        type: "order",
        id: "o1-fix",
        corrects: "o1",
        customer: "c1",
        at: "2026-01-06",
        price: 90,
        list_price: 130,
      };
      const r = await runCli([
        "import",
        file(`c2-${dialect}.jsonl`, `${JSON.stringify(fix)}\n`),
        "--db",
        fresh.db,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const [card] = JSON.parse(
        (await runCli(["scorecards", "--json", "--as-of", "2026-02-01", "--db", fresh.db])).stdout,
      );
      expect(card).toMatchObject({ customer: "c1", orders: 1, revenue: 90 });
    });

    it("refuses a fact that corrects itself, naming the field", async () => {
      const self = {
        type: "order",
        id: "o1",
        corrects: "o1",
        customer: "c1",
        at: "2026-01-06",
        price: 90,
      };
      const r = await runCli([
        "import",
        file(`c3-${dialect}.jsonl`, `${GOOD.split("\n")[0]}\n${JSON.stringify(self)}\n`),
        "--db",
        fresh.db,
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("line 2: corrects: a fact cannot correct itself");
    });
  });
}
