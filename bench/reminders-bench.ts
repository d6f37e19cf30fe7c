/**
 * A reminder run over 100,000 open invoices (BENCH_REMINDER_INVOICES), each overdue by ten
 * days so that every one gets its first reminder: the dry run (deciding) and the real run
 * (deciding and queueing: a step, a mail and its attachment row each; PDFs are drawn when
 * sent, not here), on a fresh SQLite file (BENCH_REMINDER_DB: a postgres:// URL instead).
 * Targets: under 10 s, memory bounded (the peak RSS growth is printed).
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importLedger } from "../src/app/ledger-import/import-ledger.ts";
import { runReminders } from "../src/app/reminders/run-reminders.ts";
import { openStore } from "../src/store/database.ts";
import { ensureOrganization } from "../src/store/organization-repository.ts";
import { type BenchRow, sampleRss } from "./table.ts";

const DAY = 86_400_000;

async function writeLedger(path: string, invoices: number, due: string): Promise<void> {
  const out = createWriteStream(path);
  const write = (line: object) =>
    new Promise<void>((resolve) => {
      if (out.write(`${JSON.stringify(line)}\n`)) resolve();
      else out.once("drain", resolve);
    });
  for (let i = 0; i < invoices; i++) {
    const c = `c${String(i).padStart(6, "0")}`;
    await write({
      type: "customer",
      id: c,
      at: "2025-01-01",
      name: `Client ${i}`,
      email: `${c}@example.test`,
    });
    await write({
      type: "invoice",
      id: `F-${i}`,
      at: "2026-01-15",
      customer: c,
      amount: 120 + (i % 50),
      due,
    });
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

export async function remindersBench(): Promise<BenchRow[]> {
  const invoices = Number(process.env.BENCH_REMINDER_INVOICES ?? 100_000);
  const dir = await mkdtemp(join(tmpdir(), "comptoir-reminders-bench-"));
  const asOf = Date.UTC(2026, 2, 12, 9);
  try {
    const file = join(dir, "ledger.jsonl");
    await writeLedger(file, invoices, new Date(asOf - 10 * DAY).toISOString().slice(0, 10));
    const store = await openStore(process.env.BENCH_REMINDER_DB ?? join(dir, "bench.sqlite"));
    try {
      const org = await ensureOrganization(store, `bench-${Date.now().toString(36)}`, {
        name: "Bench",
      });
      await importLedger(store, { orgId: org.id, files: [file] });
      const rows: BenchRow[] = [];
      for (const dryRun of [true, false]) {
        const peak = sampleRss();
        const started = performance.now();
        const result = await runReminders(store, org, { asOf, dryRun, limit: 0 });
        const ms = performance.now() - started;
        const grown = peak();
        const count = dryRun ? result.counts.would_queue : result.counts.queued;
        rows.push({
          bench: "reminders",
          measure: `${dryRun ? "dry run (decide)" : "run (decide and queue)"}: ${count.toLocaleString("en")} of ${invoices.toLocaleString("en")} invoices`,
          value: `${(ms / 1000).toFixed(1)} s, peak RSS ${(grown / 1e6).toFixed(0)} MB`,
          target: "< 10 s, bounded memory",
        });
      }
      return rows;
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import("./table.ts");
  console.log(printTable(await remindersBench()));
}
