import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordPayment } from "../app/payments/record-payment.ts";
import { openStore } from "../store/database.ts";
import { getOrganization } from "../store/organization-repository.ts";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "comptoir-payments-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEDGER = [
  { type: "customer", id: "ana", at: "2026-01-05", name: "Ana Alves" },
  {
    type: "invoice",
    id: "2026-0001",
    customer: "ana",
    at: "2026-11-01",
    amount: 120,
    due: "2026-11-30",
  },
];

for (const dialect of testDialects()) {
  describe(`comptoir payments (${dialect})`, () => {
    it("verifies the journal, closes its periods, archives them, and exits 3 once a row is altered", async () => {
      const { db, close } = await freshDb(dialect);
      try {
        const file = join(dir, `ledger-${dialect}.jsonl`);
        writeFileSync(file, LEDGER.map((l) => JSON.stringify(l)).join("\n"));
        expect((await runCli(["import", file, "--db", db])).code).toBe(0);
        const store = await openStore(db);
        try {
          const org = await getOrganization(store, "default");
          const ctx = (now: string) => ({
            store,
            org,
            actor: { userId: "u1", name: "Léa", role: "staff" as const },
            now: Date.parse(now),
          });
          await recordPayment(ctx("2026-11-20T10:00:00Z"), {
            invoice: "2026-0001",
            amount: 20_00,
            method: "cash",
          });
          await recordPayment(ctx("2026-11-21T10:00:00Z"), {
            invoice: "2026-0001",
            amount: 100_00,
            method: "card",
          });

          const closed = await runCli([
            "payments",
            "close",
            "--as-of",
            "2026-12-01",
            "--json",
            "--db",
            db,
          ]);
          expect(closed.code).toBe(0);
          const closures = JSON.parse(closed.stdout).closures;
          expect(
            closures.map((c: { kind: string; period: string }) => `${c.kind} ${c.period}`),
          ).toEqual(["day 2026-11-20", "day 2026-11-21", "month 2026-11"]);
          expect(closures[2]).toMatchObject({
            entries: 2,
            total: 120,
            byMethod: { cash: 20, card: 100 },
          });

          const ok = await runCli(["payments", "verify", "--db", db]);
          expect(ok.code).toBe(0);
          expect(ok.stdout).toContain("Journal des paiements intact : 2 écriture(s), 3 clôture(s)");

          const archive = join(dir, `archive-${dialect}.json`);
          expect(
            (
              await runCli([
                "payments",
                "archive",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--out",
                archive,
                "--db",
                db,
              ])
            ).code,
          ).toBe(0);
          const fromFile = await runCli(["payments", "verify", "--file", archive, "--json"]);
          expect(JSON.parse(fromFile.stdout)).toMatchObject({ ok: true, entries: 2, closures: 3 });
          const altered = JSON.parse(readFileSync(archive, "utf8"));
          altered.entries[0].method = "cheque";
          writeFileSync(archive, JSON.stringify(altered));
          expect((await runCli(["payments", "verify", "--file", archive])).code).toBe(3);

          await store.db
            .withTables<{ payment_journal: { seq: number; amount: number } }>()
            .updateTable("payment_journal")
            .set({ amount: 10_00 })
            .where("seq", "=", 1)
            .execute();
          const broken = await runCli(["payments", "verify", "--json", "--db", db]);
          expect(broken.code).toBe(3);
          const report = JSON.parse(broken.stdout);
          expect(report.ok).toBe(false);
          expect(report.problems).toContainEqual(expect.objectContaining({ seq: 1, kind: "hash" }));
        } finally {
          await store.close();
        }
      } finally {
        await close();
      }
    });
  });
}
