/**
 * HTTP on the scorecard bench's database (100,000 customers by default), the server started
 * as `serve` starts it (warming at start): first the cold start (the first customers page,
 * which waits for the first pass over the facts; other requests meanwhile; the first customer
 * page and dashboard; when the value estimates are ready), then steady load with autocannon
 * from this process to the server on loopback, bounded in time. Run after the scorecard bench
 * (it reuses .bench/bench-N.sqlite).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { buildServer } from "../src/http/server.ts";
import { openStore } from "../src/store/database.ts";
import { getOrganization } from "../src/store/organization-repository.ts";
import { benchOwner } from "./bench-account.ts";
import { type BenchRow, peakRssMb, sampleRss } from "./table.ts";

const PUBLIC_URL = "http://127.0.0.1";

export async function httpBench(
  customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000),
): Promise<BenchRow[]> {
  const dbPath = join(".bench", `bench-${customers}.sqlite`);
  if (!existsSync(dbPath)) {
    return [
      {
        bench: "http",
        measure: "skipped",
        value: `no ${dbPath}: run the scorecard bench first`,
        target: "",
      },
    ];
  }
  const store = await openStore(dbPath);
  const org = await getOrganization(store, "bench");
  const stopSampling = sampleRss();
  const started = performance.now();
  const app = await buildServer({
    store,
    publicUrl: PUBLIC_URL,
    authSecret: "bench-secret-bench-secret-bench-secret",
    webDist: "/nonexistent",
    warmUp: true,
  });
  const cookie = await benchOwner(app, store, PUBLIC_URL, [org.id]);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const get = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(`${address}${path}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200)
      throw new Error(`${path} answered ${res.status}: ${body.slice(0, 200)}`);
    return { ms: performance.now() - t0, body };
  };
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

  // Cold start: the first page waits for the pass the warm-up started; the session route
  // (authenticated, no scorecards) is asked meanwhile, one request after another.
  const list = `/api/orgs/bench/customers?page=2&pageSize=50&sort=revenue&dir=desc`;
  let firstDone = false;
  const meanwhile: number[] = [];
  const probe = (async () => {
    while (!firstDone) {
      meanwhile.push((await get("/api/session")).ms);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const first = await get(list);
  firstDone = true;
  await probe;
  const sinceStart = performance.now() - started;
  const customer = await get("/api/orgs/bench/customers/c1");
  const firstValue = JSON.parse(customer.body).value?.reason ?? "estimated";
  const dashboard = await get("/api/orgs/bench/dashboard");
  // The value fit runs after the first pass; the pages show "pending" until it is done.
  let valueReady = performance.now() - started;
  while (JSON.parse((await get("/api/orgs/bench/customers/c2")).body).value?.reason === "pending") {
    await new Promise((resolve) => setTimeout(resolve, 250));
    valueReady = performance.now() - started;
  }
  // The warm-up then computes the dashboard with the estimates (dashboard-view.ts).
  const withValues = await get("/api/orgs/bench/dashboard");
  meanwhile.sort((a, b) => a - b);
  const rows: BenchRow[] = [
    {
      bench: "http",
      measure: `first customers page (${customers} customers, cold start)`,
      value: `${seconds(first.ms)} (${seconds(sinceStart)} after start)`,
      target: "",
    },
    {
      bench: "http",
      measure: `other requests during the first pass: median, max (${meanwhile.length})`,
      value: `${(meanwhile[Math.floor(meanwhile.length / 2)] ?? 0).toFixed(0)} ms, ${(meanwhile.at(-1) ?? 0).toFixed(0)} ms`,
      target: "",
    },
    {
      bench: "http",
      measure: "first customer page after it",
      value: `${customer.ms.toFixed(0)} ms (value: ${firstValue})`,
      target: "",
    },
    {
      bench: "http",
      measure: "first dashboard after it (waits for the pass 30 days earlier)",
      value: seconds(dashboard.ms),
      target: "",
    },
    {
      bench: "http",
      measure: "value estimates ready (after start)",
      value: seconds(valueReady),
      target: "",
    },
    {
      bench: "http",
      measure: "first dashboard with them",
      value: `${withValues.ms.toFixed(0)} ms`,
      target: "",
    },
  ];

  // Steady load, once warm.
  const random = () => `/api/orgs/bench/customers/c${Math.floor(Math.random() * customers)}`;
  for (const [name, options] of [
    [
      "customers page, sorted, filtered by segment",
      { url: `${address}${list}&segment=renegotiate` },
    ],
    [
      "customers page, searched by name",
      { url: `${address}/api/orgs/bench/customers?q=client%2012&sort=name&dir=asc&page=3` },
    ],
    [
      "customer page (a random customer each time)",
      {
        url: address,
        requests: [{ method: "GET", setupRequest: (req: object) => ({ ...req, path: random() }) }],
      },
    ],
    ["dashboard", { url: `${address}/api/orgs/bench/dashboard` }],
  ] as const) {
    const result = await autocannon({
      ...options,
      connections: 8,
      duration: 5,
      headers: { cookie },
    } as autocannon.Options);
    rows.push(
      {
        bench: "http",
        measure: `${name}: requests/s`,
        value: result.requests.average.toFixed(0),
        target: "",
      },
      {
        bench: "http",
        measure: `${name}: latency p99`,
        value: `${result.latency.p99} ms`,
        target: "< 100 ms",
      },
      {
        bench: "http",
        measure: `${name}: errors`,
        value: String(result.non2xx + result.errors),
        target: "0",
      },
    );
  }
  const response = (await get("/api/orgs/bench/dashboard")).body.length;
  rows.push(
    {
      bench: "http",
      measure: "dashboard response",
      value: `${(response / 1000).toFixed(0)} kB`,
      target: "",
    },
    {
      bench: "http",
      measure: "server peak RSS (2 scorecard indexes, the value fit)",
      value: `${peakRssMb(stopSampling())} MB`,
      target: "",
    },
  );
  await app.close();
  await store.close();
  return rows;
}
