/**
 * One round trip to the database (`select 1`), bounded in time: what the readiness check asks.
 * On SQLite the store's one connection is shared, so the probe waits behind a running
 * statement; the timeout then answers "slow", not "down".
 */
import { sql } from "kysely";
import type { Store } from "./database.ts";

export type ProbeResult =
  | { state: "up"; ms: number }
  | { state: "down"; ms: number; reason: string }
  | { state: "slow"; ms: number };

/** @example await probeDatabase(store, 2000) // { state: "up", ms: 1 } */
export async function probeDatabase(store: Store, timeoutMs: number): Promise<ProbeResult> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const outcome = await Promise.race([sql`select 1 as ok`.execute(store.db), timeout]);
    if (outcome === "timeout") return { state: "slow", ms: ms() };
    return { state: "up", ms: ms() };
  } catch (error) {
    // Whatever the error, `select 1` failing means the database cannot serve.
    return { state: "down", ms: ms(), reason: (error as Error)?.message ?? String(error) };
  } finally {
    clearTimeout(timer);
  }
}
