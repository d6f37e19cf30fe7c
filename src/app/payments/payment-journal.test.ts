/**
 * The unalterable payment journal on both databases: the chain, its verification against
 * tampering in SQL, concurrent writers, closures and their totals, archives.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.ts";
import { insertFact } from "../../store/fact-repository.ts";
import { ensureOrganization, type Organization } from "../../store/organization-repository.ts";
import { listJournalEntries } from "../../store/payment-journal-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { closePeriods } from "./close-periods.ts";
import { exportJournalArchive, verifyJournalArchive } from "./journal-archive.ts";
import type { PaymentContext } from "./payment-support.ts";
import { recordPayment } from "./record-payment.ts";
import { verifyJournal } from "./verify-journal.ts";

const at = (iso: string) => Date.parse(iso);

/** Runs the child that records `count` payments; resolves with its output once it exits. */
function payFromAnotherProcess(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["bin/run-ts.js", "src/app/payments/test-pay-child.ts", ...args],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`child exited ${code}`)),
    );
  });
}

for (const dialect of testDialects()) {
  describe(`payment journal (${dialect})`, () => {
    let store: Store & { url: string; schema?: string };
    let org: Organization;
    const ctx = (now: string, role: "owner" | "staff" = "staff"): PaymentContext => ({
      store,
      org,
      actor: { userId: "u-lea", name: "Léa Martin", role },
      now: at(now),
    });
    const invoice = async (id: string, amount: number) =>
      insertFact(store, org.id, {
        type: "invoice",
        id,
        at: at("2026-11-01"),
        customer: "ana",
        amount,
        due: at("2026-11-30"),
      });

    beforeAll(async () => {
      store = await openTestStore(dialect);
      org = await ensureOrganization(store, "shop", { name: "Shop", lang: "fr" });
      await insertFact(store, org.id, {
        type: "customer",
        id: "ana",
        at: at("2026-01-05"),
        name: "Ana Alves",
        status: "active",
      });
      for (let i = 1; i <= 6; i++) await invoice(`2026-000${i}`, 100_00);
      await invoice("2026-0100", 10_000_00);
    });
    afterAll(() => store.close());

    it("chains each entry to the one before, and closes days, months and years with their totals by method", async () => {
      // Paris: 23:30 UTC on 30 November is already 1 December.
      await recordPayment(ctx("2026-11-30T10:00:00Z"), {
        invoice: "2026-0001",
        amount: 30_00,
        method: "cash",
      });
      await recordPayment(ctx("2026-11-30T11:00:00Z"), {
        invoice: "2026-0001",
        amount: 70_00,
        method: "card",
      });
      await recordPayment(ctx("2026-11-30T23:30:00Z"), {
        invoice: "2026-0002",
        amount: 40_00,
        method: "cheque",
      });
      await recordPayment(ctx("2026-12-02T09:00:00Z"), {
        invoice: "2026-0002",
        amount: 60_00,
        method: "transfer",
      });
      const entries = await listJournalEntries(store.db, org.id);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(entries[0]?.prevHash).toBe("0".repeat(64));
      expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
      expect(entries[3]).toMatchObject({
        recordedByName: "Léa Martin",
        method: "transfer",
        amount: 60_00,
      });

      // As of 1 December (Paris): only 30 November is complete.
      const first = await closePeriods(store, org, {
        asOf: at("2026-12-01T12:00:00Z"),
        now: at("2026-12-01T12:00:00Z"),
      });
      expect(first.map((c) => `${c.kind} ${c.period}`)).toEqual([
        "day 2026-11-30",
        "month 2026-11",
      ]);
      expect(first[0]).toMatchObject({
        entries: 2,
        total: 100_00,
        byMethod: { cash: 30_00, card: 70_00, transfer: 0, cheque: 0 },
        perpetualTotal: 100_00,
        journalSeq: 2,
      });
      // Asked again, or by another server at once: nothing closed twice.
      const again = await Promise.all([
        closePeriods(store, org, { asOf: at("2026-12-01T12:00:00Z") }),
        closePeriods(store, org, { asOf: at("2026-12-01T12:00:00Z") }),
      ]);
      expect(again.flat()).toEqual([]);

      const later = await closePeriods(store, org, {
        asOf: at("2027-01-02T12:00:00Z"),
        now: at("2027-01-02T12:00:00Z"),
      });
      expect(later.map((c) => `${c.kind} ${c.period}`)).toEqual([
        "day 2026-12-01",
        "day 2026-12-02",
        "month 2026-12",
        "year 2026",
      ]);
      expect(later[2]).toMatchObject({
        entries: 2,
        total: 100_00,
        byMethod: { cheque: 40_00, transfer: 60_00 },
        perpetualTotal: 200_00,
      });
      expect(later[3]).toMatchObject({
        entries: 4,
        total: 200_00,
        perpetualTotal: 200_00,
        journalSeq: 4,
      });
      expect(later[0]?.prevHash).toBe(first[1]?.hash);

      const check = await verifyJournal(store, org);
      expect(check).toMatchObject({ ok: true, entries: 4, closures: 6, problems: [] });
    });

    it("keeps one chain without forks when payments come at the same instant", async () => {
      const before = (await listJournalEntries(store.db, org.id, { limit: 10_000 })).length;
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          recordPayment(ctx("2027-01-03T10:00:00Z"), {
            invoice: "2026-0100",
            amount: 10_00 + i,
            method: i % 2 ? "cash" : "card",
          }),
        ),
      );
      const entries = await listJournalEntries(store.db, org.id, { limit: 10_000 });
      expect(entries).toHaveLength(before + 20);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      expect(new Set(entries.map((e) => e.prevHash)).size).toBe(entries.length);
      expect((await verifyJournal(store, org)).ok).toBe(true);
    });

    it("keeps one chain when two processes write to the same database at once", async () => {
      // An organization of its own: these payments are recorded now, in no closed period.
      const other = await ensureOrganization(store, "annex", { name: "Annex", lang: "fr" });
      await insertFact(store, other.id, {
        type: "customer",
        id: "ana",
        at: at("2026-01-05"),
        name: "Ana Alves",
        status: "active",
      });
      await insertFact(store, other.id, {
        type: "invoice",
        id: "2026-0200",
        at: at("2026-11-01"),
        customer: "ana",
        amount: 10_000_00,
        due: at("2026-11-30"),
      });
      const args = [store.url, store.schema ?? "-", "annex", "2026-0200", "15"];
      const outs = await Promise.all([payFromAnotherProcess(args), payFromAnotherProcess(args)]);
      expect(outs).toEqual(["done\n", "done\n"]);
      const entries = await listJournalEntries(store.db, other.id, { limit: 10_000 });
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(new Set(entries.map((e) => e.recordedBy)).size).toBe(2);
      expect(await verifyJournal(store, other)).toMatchObject({ ok: true, entries: 30 });
    }, 60_000);

    it("refuses a concurrent overpayment: six payments of the whole balance at once, one wins", async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) =>
          recordPayment(ctx("2027-01-03T11:00:00Z"), {
            invoice: "2026-0003",
            amount: 100_00,
            method: i % 2 ? "cash" : "card",
          }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results.filter((r) => r.status === "rejected"))
        expect((r as PromiseRejectedResult).reason.code).toBe("PAYMENT_NOT_DUE");
    });

    it("writes archives that verify on their own, and catches an altered one", async () => {
      const archive = await exportJournalArchive(store, org, {
        from: "2026-12-01",
        to: "2026-12-31",
      });
      expect(archive.entries.map((e) => e.seq)).toEqual([3, 4]);
      expect(archive.before.seq).toBe(2);
      expect(archive.closures.map((c) => `${c.kind} ${c.period}`)).toEqual([
        "day 2026-12-01",
        "day 2026-12-02",
        "month 2026-12",
      ]);
      const copy = JSON.parse(JSON.stringify(archive));
      expect(verifyJournalArchive(copy)).toMatchObject({ ok: true, entries: 2, closures: 3 });
      copy.entries[1].amount = 6_00;
      const broken = verifyJournalArchive(copy);
      expect(broken.ok).toBe(false);
      expect(broken.problems.map((p) => p.kind)).toContain("hash");
      expect(() => verifyJournalArchive({ format: "other" })).toThrow(
        /file: not a payment journal archive/,
      );
    });

    it("detects an entry changed in SQL, and a fact changed under it, and keeps the result", async () => {
      await store.db
        .withTables<{ payment_journal: { org_id: string; seq: number; amount: number } }>()
        .updateTable("payment_journal")
        .set({ amount: 1_00 })
        .where("org_id", "=", org.id)
        .where("seq", "=", 2)
        .execute();
      const check = await verifyJournal(store, org);
      expect(check.ok).toBe(false);
      expect(check.problems).toContainEqual(
        expect.objectContaining({ where: "entry", seq: 2, kind: "hash" }),
      );
      // The closures of that day no longer add up either, and the fact says 70.00, not 1.00.
      expect(check.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(["totals", "fact"]));
      const { findJournalCheck } = await import("../../store/payment-journal-repository.ts");
      expect(await findJournalCheck(store.db, org.id)).toMatchObject({ ok: false });
    });

    it("detects an entry deleted in SQL (a gap and a broken link)", async () => {
      await store.db
        .withTables<{ payment_journal: { org_id: string; seq: number } }>()
        .deleteFrom("payment_journal")
        .where("org_id", "=", org.id)
        .where("seq", "=", 5)
        .execute();
      const kinds = (await verifyJournal(store, org)).problems
        .filter((p) => p.seq === 6)
        .map((p) => p.kind);
      expect(kinds).toEqual(expect.arrayContaining(["gap", "link"]));
    });
  });
}
