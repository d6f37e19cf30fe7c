/**
 * `comptoir reminders run [--as-of] [--dry-run] [--json]` and `comptoir reminders send`, from
 * the compiled command line, on a ledger imported as users do.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../app/ledger-import/fixtures/import-files.ts";
import { startSmtp, type TestSmtp } from "../http/test-smtp.ts";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

const LEDGER = [
  {
    type: "customer",
    id: "c1",
    at: "2026-01-01",
    name: "Menuiserie Duval",
    kind: "business",
    email: "duval@example.test",
  },
  {
    type: "customer",
    id: "c2",
    at: "2026-01-01",
    name: "Jane Smith",
    email: "jane@example.test",
    lang: "en",
  },
  {
    type: "invoice",
    id: "F-1",
    at: "2026-02-01",
    customer: "c1",
    amount: 1234.5,
    due: "2026-03-02",
  },
  { type: "invoice", id: "F-2", at: "2026-02-01", customer: "c2", amount: 80, due: "2026-03-02" },
  { type: "payment", id: "p-2", at: "2026-03-01", customer: "c2", invoice: "F-2", amount: 80 },
];

for (const dialect of testDialects()) {
  describe(`comptoir reminders (${dialect})`, () => {
    let fresh: { db: string; close(): Promise<void> };
    let smtp: TestSmtp;
    beforeAll(async () => {
      fresh = await freshDb(dialect);
      smtp = await startSmtp();
      const file = join(tempDir(), "ledger.jsonl");
      writeFileSync(file, `${LEDGER.map((l) => JSON.stringify(l)).join("\n")}\n`);
      const imported = await runCli(["import", file, "--org", "shop", "--db", fresh.db]);
      expect(imported.code).toBe(0);
    });
    afterAll(async () => {
      await smtp.close();
      await fresh.close();
    });

    it("says what a dry run would queue, and writes nothing", async () => {
      const r = await runCli([
        "reminders",
        "run",
        "--dry-run",
        "--as-of",
        "2026-03-10",
        "--json",
        "--org",
        "shop",
        "--db",
        fresh.db,
      ]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.dryRun).toBe(true);
      expect(out.due).toEqual([
        expect.objectContaining({
          invoice: "F-1",
          level: 1,
          balance: 1234.5,
          outcome: "would_queue",
        }),
      ]);
      const again = await runCli([
        "reminders",
        "run",
        "--dry-run",
        "--as-of",
        "2026-03-10",
        "--json",
        "--org",
        "shop",
        "--db",
        fresh.db,
      ]);
      expect(JSON.parse(again.stdout).counts.would_queue).toBe(1);
    });

    it("queues in French words, then sends through COMPTOIR_SMTP_URL", async () => {
      const r = await runCli([
        "reminders",
        "run",
        "--as-of",
        "2026-03-10",
        "--org",
        "shop",
        "--db",
        fresh.db,
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("F-1\tMenuiserie Duval\trelance 1");
      expect(r.stdout).toContain("en file d'attente");
      expect(r.stdout).not.toMatch(/envoy/);
      const sent = await runCli(
        ["reminders", "send", "--json", "--org", "shop", "--db", fresh.db],
        {
          COMPTOIR_SMTP_URL: smtp.url,
        },
      );
      expect(JSON.parse(sent.stdout)).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received[0]?.to).toEqual(["duval@example.test"]);
    });

    it("refuses an unknown action as a usage error", async () => {
      const r = await runCli(["reminders", "launch", "--org", "shop", "--db", fresh.db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("reminders run");
    });
  });
}
