import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDraft } from "../app/invoices/draft-invoice.ts";
import { issueInvoice } from "../app/invoices/issue-invoice.ts";
import { openStore, type Store } from "../store/database.ts";
import { insertFact } from "../store/fact-repository.ts";
import { ensureOrganization } from "../store/organization-repository.ts";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

const line = (unitPriceMinor: number) => ({
  description: "Retouche",
  quantity: 1,
  unitPriceMinor,
  vatRate: 20,
  nature: "services" as const,
});

for (const dialect of testDialects()) {
  describe(`comptoir invoices (${dialect})`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    let store: Store;
    beforeEach(async () => {
      fresh = await freshDb(dialect);
      store = await openStore(fresh.db);
      const org = await ensureOrganization(store, "default", { name: "Atelier" });
      await insertFact(store, org.id, {
        type: "customer",
        id: "ana",
        at: Date.parse("2026-01-01"),
        name: "Ana Martin",
        status: "active",
      });
      const ctx = {
        store,
        org,
        actor: { userId: "u1", role: "owner" as const },
        now: Date.parse("2026-11-02T10:00:00Z"),
      };
      await createDraft(ctx, { customer: "ana", lines: [line(1000)] });
      const a = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "ana", lines: [line(5000)] })).id,
      );
      const b = await issueInvoice(
        ctx,
        (await createDraft(ctx, { customer: "ana", lines: [line(2500)] })).id,
      );
      void a;
      await insertFact(store, org.id, {
        type: "payment",
        id: "p1",
        at: Date.parse("2026-11-20"),
        customer: "ana",
        invoice: b.number as string,
        amount: 3000,
      });
    });
    afterEach(async () => {
      await store.close();
      await fresh.close();
    });

    it("lists invoices with status and balance, filters by status, as of a date", async () => {
      const all = await runCli(["invoices", "--json", "--as-of", "2026-12-31", "--db", fresh.db]);
      expect(all.code).toBe(0);
      expect(
        JSON.parse(all.stdout).map((r: { number: string; status: string; balance: number }) => [
          r.number,
          r.status,
          r.balance,
        ]),
      ).toEqual([
        [null, "draft", null],
        ["2026-0002", "paid", 0],
        ["2026-0001", "overdue", 60],
      ]);
      const overdue = await runCli([
        "invoices",
        "--status",
        "overdue",
        "--json",
        "--as-of",
        "2026-12-31",
        "--db",
        fresh.db,
      ]);
      expect(JSON.parse(overdue.stdout).map((r: { number: string }) => r.number)).toEqual([
        "2026-0001",
      ]);
      // Before its due date the same invoice is only issued.
      const early = await runCli([
        "invoices",
        "--status",
        "issued",
        "--json",
        "--as-of",
        "2026-11-15",
        "--db",
        fresh.db,
      ]);
      expect(JSON.parse(early.stdout).map((r: { number: string }) => r.number)).toEqual([
        "2026-0002",
        "2026-0001",
      ]);
      const table = await runCli(["invoices", "--as-of", "2026-12-31", "--db", fresh.db]);
      expect(table.stdout).toContain("en retard");
      expect(table.stdout).toContain("Ana Martin");
      expect(table.stdout).toMatch(/60,00\s€/);
    });

    it("writes an issued invoice's PDF (Factur-X inside) and UBL, and refuses a draft", async () => {
      const listed = await runCli([
        "invoices",
        "--json",
        "--as-of",
        "2026-12-31",
        "--db",
        fresh.db,
      ]);
      const invoices = JSON.parse(listed.stdout) as { number: string | null; id: string }[];
      const number = invoices.find((i) => i.number !== null)?.number as string;
      const out = join(mkdtempSync(join(tmpdir(), "comptoir-invoice-")), "facture.pdf");
      const pdf = await runCli(["invoice", "pdf", number, "--out", out, "--db", fresh.db]);
      expect(pdf).toMatchObject({ code: 0, stderr: `${out}\n` });
      expect(execFileSync("pdftotext", [out, "-"], { encoding: "utf8" })).toContain(number);
      expect(execFileSync("pdfdetach", ["-list", out], { encoding: "utf8" })).toContain(
        "factur-x.xml",
      );
      const ubl = await runCli(["invoice", "ubl", number, "--db", fresh.db]);
      expect(ubl.code).toBe(0);
      expect(ubl.stdout).toContain(`<cbc:ID>${number}</cbc:ID>`);
      const draft = invoices.find((i) => i.number === null)?.id as string;
      const refused = await runCli(["invoice", "pdf", draft, "--db", fresh.db]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("is a draft: issue it first");
    });

    it("refuses an unknown status with exit 2 and exports the accountant's CSV", async () => {
      const bad = await runCli(["invoices", "--status", "late", "--db", fresh.db]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--status");
      const csv = await runCli([
        "invoices",
        "--csv",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--db",
        fresh.db,
      ]);
      expect(csv.code).toBe(0);
      const rows = csv.stdout.trimEnd().split("\r\n");
      expect(rows).toHaveLength(4);
      expect(rows[1]).toBe(
        "2026-11-02;facture;2026-0001;ana;Ana Martin;;;;50,00;10,00;50,00;10,00;60,00;0,00;60,00;2026-12-02;",
      );
      expect(rows[3]).toBe("2026-11-20;reglement;p1;ana;Ana Martin;;;2026-0002;;;;;30,00;;;;");
      const badDate = await runCli(["invoices", "--csv", "--from", "2026-02-30", "--db", fresh.db]);
      expect(badDate.code).toBe(1);
      expect(badDate.stderr).toContain("--from");
    });
  });
}
