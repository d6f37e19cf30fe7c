/**
 * HTTP load on the customers list and a customer page, on the scorecard bench's database
 * (100,000 customers by default): autocannon from this process to the server on loopback,
 * bounded in time. Run after the scorecard bench (it reuses .bench/bench-N.sqlite).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { buildServer } from "../src/http/server.ts";
import { openStore } from "../src/store/database.ts";
import { addMembership } from "../src/store/membership-repository.ts";
import { getOrganization } from "../src/store/organization-repository.ts";
import type { BenchRow } from "./table.ts";

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
  const app = await buildServer({
    store,
    publicUrl: PUBLIC_URL,
    authSecret: "bench-secret-bench-secret-bench-secret",
    webDist: "/nonexistent",
  });
  const email = `bench-${Date.now()}@example.test`;
  const signUp = await app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    headers: { origin: PUBLIC_URL },
    payload: { email, password: "correct horse battery", name: "Bench" },
  });
  const cookie = ([] as string[])
    .concat(signUp.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  await addMembership(store, org.id, signUp.json().user.id, "owner");
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const list = `${address}/api/orgs/bench/customers?page=2&pageSize=50&sort=revenue&dir=desc`;
  const t0 = performance.now();
  const first = await fetch(list, { headers: { cookie } });
  const firstMs = performance.now() - t0;
  if (first.status !== 200) throw new Error(`customers list answered ${first.status}`);
  const rows: BenchRow[] = [
    {
      bench: "http",
      measure: `first customers page (${customers} customers, cold cache)`,
      value: `${(firstMs / 1000).toFixed(2)} s`,
      target: "",
    },
  ];
  for (const [name, url] of [
    ["customers page, sorted, filtered by segment", `${list}&segment=renegotiate`],
    ["customer page", `${address}/api/orgs/bench/customers/c1`],
  ] as const) {
    const result = await autocannon({ url, connections: 8, duration: 5, headers: { cookie } });
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
  await app.close();
  await store.close();
  return rows;
}
