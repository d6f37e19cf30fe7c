/**
 * One organization's heavy work must not stall the others (issue 15). On a fresh SQLite file:
 * organization "busy" has one customer with 100,000 facts (BENCH_TIMELINE_FACTS), "quiet" a
 * few. Measured: that customer's page, cold and warm (time, response size, the server's
 * memory growth: targets 1 s and 50 MB), `/api/health` and the quiet organization's customer
 * page while the busy page is asked without pause, and an upload of one 100 MB line (refused
 * by line, not parsed) with `/api/health` meanwhile (target p99 < 100 ms).
 */
import { openAsBlob, writeFileSync } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { importLedger } from "../src/app/ledger-import/import-ledger.ts";
import { CSRF_HEADER } from "../src/http/contract.ts";
import { buildServer } from "../src/http/server.ts";
import { openStore } from "../src/store/database.ts";
import { ensureOrganization } from "../src/store/organization-repository.ts";
import { benchOwner } from "./bench-account.ts";
import { type BenchRow, sampleRss } from "./table.ts";

const PUBLIC_URL = "http://127.0.0.1";

/** The busy customer's ledger: orders, invoices, payments, time and chases, one an hour. */
function writeBusyLedger(path: string, facts: number): void {
  const at = (k: number) => new Date(Date.UTC(2015, 0, 1) + k * 3_600_000).toISOString();
  const lines = [JSON.stringify({ type: "customer", id: "busy", at: at(0), name: "Très Occupé" })];
  for (let k = 1; lines.length < facts; k++) {
    const o = `o${k}`;
    lines.push(
      JSON.stringify({ type: "order", id: o, at: at(5 * k), customer: "busy", price: 80 }),
    );
    lines.push(
      JSON.stringify({
        type: "time",
        id: `t${k}`,
        at: at(5 * k + 1),
        customer: "busy",
        order: o,
        minutes: 30,
        activity: "work",
      }),
    );
    lines.push(
      JSON.stringify({
        type: "invoice",
        id: `i${k}`,
        at: at(5 * k + 2),
        customer: "busy",
        order: o,
        amount: 80,
        due: at(5 * k + 2).slice(0, 10),
      }),
    );
    lines.push(
      JSON.stringify({
        type: "payment",
        id: `p${k}`,
        at: at(5 * k + 3),
        customer: "busy",
        invoice: `i${k}`,
        amount: 80,
      }),
    );
    lines.push(JSON.stringify({ type: "chase", id: `h${k}`, at: at(5 * k + 4), customer: "busy" }));
  }
  writeFileSync(path, `${lines.slice(0, facts).join("\n")}\n`);
}

/** A file of one line of `bytes` bytes (a JSON object whose note never ends), then a good line. */
async function writeLongLine(path: string, bytes: number): Promise<void> {
  const file = await open(path, "w");
  await file.write('{"type":"customer","id":"x","at":"2024-01-01","name":"');
  const block = Buffer.alloc(1 << 20, "x");
  for (let n = 0; n < bytes; n += block.length) await file.write(block);
  await file.write('"}\n{"type":"customer","id":"y","at":"2024-01-01","name":"Y"}\n');
  await file.close();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function timelineBench(
  facts = Number(process.env.BENCH_TIMELINE_FACTS ?? 100_000),
): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), "comptoir-timeline-bench-"));
  const store = await openStore(join(dir, "bench.sqlite"));
  const rows: BenchRow[] = [];
  const row = (measure: string, value: string, target = "") =>
    rows.push({ bench: "limits", measure, value, target });
  try {
    const busy = await ensureOrganization(store, "busy");
    const quiet = await ensureOrganization(store, "quiet");
    const ledger = join(dir, "busy.jsonl");
    writeBusyLedger(ledger, facts);
    await importLedger(store, { orgId: busy.id, files: [ledger] });
    const small = join(dir, "quiet.jsonl");
    writeFileSync(small, '{"type":"customer","id":"calme","at":"2024-01-01","name":"Calme"}\n');
    await importLedger(store, { orgId: quiet.id, files: [small] });

    const app = await buildServer({
      store,
      publicUrl: PUBLIC_URL,
      authSecret: "bench-secret-bench-secret-bench-secret",
      webDist: "/nonexistent",
    });
    const cookie = await benchOwner(app, store, PUBLIC_URL, [busy.id, quiet.id]);
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const get = async (path: string) => {
      const t0 = performance.now();
      const res = await fetch(`${address}${path}`, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200)
        throw new Error(`${path} answered ${res.status}: ${body.slice(0, 200)}`);
      return { ms: performance.now() - t0, bytes: body.length };
    };
    const page = "/api/orgs/busy/customers/busy";

    // The customer page, cold (the organization's scorecards computed first) and warm.
    const base = process.memoryUsage.rss();
    const stop = sampleRss();
    const cold = await get(page);
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push((await get(`${page}?timelinePage=${1 + i * 10}`)).ms);
    const grew = (stop() - base) / 2 ** 20;
    row(
      `customer page, ${facts.toLocaleString("en-US")} facts: cold (scorecards computed)`,
      `${cold.ms.toFixed(0)} ms`,
      "< 1 s",
    );
    row(
      "customer page: warm, median of 20 pages",
      `${percentile(warm, 50).toFixed(0)} ms`,
      "< 1 s",
    );
    row("customer page: response", `${(cold.bytes / 1000).toFixed(0)} kB`);
    row("customer page: server memory growth", `${grew.toFixed(0)} MB`, "< 50 MB");

    // The busy page asked without pause; health and the quiet organization meanwhile.
    const probe = async (path: string, until: () => boolean) => {
      const times: number[] = [];
      while (!until()) {
        times.push((await get(path)).ms);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return times;
    };
    let loading = true;
    const healthDuring = probe("/api/health", () => !loading);
    const quietDuring = probe("/api/orgs/quiet/customers/calme", () => !loading);
    const load = await autocannon({
      url: `${address}${page}`,
      connections: 4,
      duration: 5,
      headers: { cookie },
    });
    loading = false;
    const health = await healthDuring;
    const other = await quietDuring;
    row(
      "busy customer page under load (4 connections, 5 s): requests/s",
      load.requests.average.toFixed(0),
    );
    row("  its latency p99", `${load.latency.p99} ms`);
    row(
      `  /api/health meanwhile: p99 (${health.length})`,
      `${percentile(health, 99).toFixed(0)} ms`,
      "< 100 ms",
    );
    row(
      `  another organization's customer page meanwhile: p99 (${other.length})`,
      `${percentile(other, 99).toFixed(0)} ms`,
    );

    // One line of 100 MB uploaded to the import: refused by its number, health meanwhile.
    const long = join(dir, "long.jsonl");
    await writeLongLine(long, 100 << 20);
    let importing = true;
    const healthImport = probe("/api/health", () => !importing);
    const t0 = performance.now();
    const form = new FormData();
    form.append("file", await openAsBlob(long), "long.jsonl");
    const started = await fetch(`${address}/api/orgs/busy/imports`, {
      method: "POST",
      headers: { cookie, origin: PUBLIC_URL, [CSRF_HEADER]: "1" },
      body: form,
    });
    let job = (await started.json()) as {
      id: string;
      status: string;
      errors: { line: number; field: string }[];
    };
    while (job.status === "running") {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const polled = await fetch(`${address}/api/orgs/busy/imports/${job.id}`, {
        headers: { cookie },
      });
      job = await polled.json();
    }
    const importMs = performance.now() - t0;
    importing = false;
    const healthDuringImport = await healthImport;
    const refused = job.errors.map((e) => `line ${e.line}: ${e.field}`).join(", ");
    row(
      "import of one 100 MB line: answer (upload included)",
      `${(importMs / 1000).toFixed(1)} s, ${job.status} (${refused})`,
    );
    row(
      `  /api/health meanwhile: p99 (${healthDuringImport.length})`,
      `${percentile(healthDuringImport, 99).toFixed(0)} ms`,
      "< 100 ms",
    );
    await app.close();
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
