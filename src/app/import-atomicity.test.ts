/**
 * A crash or kill during an import leaves the store as it was (spec section 1): a child
 * process importing a large file is killed with SIGKILL once it is writing, and the store is
 * then exactly as before, row for row.
 */
import { spawn } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store/database.ts";
import { ensureOrganization } from "../store/organization-repository.ts";
import { openTestStore, testDialects } from "../store/test-stores.ts";
import { sampleLedger, tempDir, writeJsonl, writeLargeLedger } from "./fixtures/import-files.ts";
import { importLedger } from "./import-ledger.ts";

async function snapshot(store: Store) {
  const facts = await store.db.selectFrom("facts").selectAll().orderBy("seq").execute();
  const orgs = await store.db.selectFrom("organizations").selectAll().orderBy("id").execute();
  return { facts: facts.map((f) => ({ ...f, seq: Number(f.seq) })), orgs };
}

/** Runs the child and kills it once it has read `fraction` of the file; resolves its exit. */
function importAndKill(args: string[], fraction: number) {
  return new Promise<{ signal: NodeJS.Signals | null; sawProgress: boolean }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["bin/run-ts.js", "src/app/fixtures/import-child.ts", ...args],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let sawProgress = false;
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const m = /^progress (\d+) (\d+)$/.exec(line);
        if (m && Number(m[1]) >= fraction * Number(m[2]) && !sawProgress) {
          sawProgress = true;
          child.kill("SIGKILL");
        }
      }
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ signal, sawProgress }));
  });
}

for (const dialect of testDialects()) {
  describe(`import atomicity (${dialect})`, () => {
    let store: Store & { url: string; schema?: string };
    beforeEach(async () => {
      store = await openTestStore(dialect);
    });
    afterEach(async () => {
      await store.close();
    });

    // 0.5: killed while staging lines; 1: killed after the last byte was read, while
    // resolving references or copying into facts.
    it.each([0.5, 1])(
      "leaves the store exactly as before when killed at %s of the file",
      async (fraction) => {
        const dir = tempDir();
        const shop = await ensureOrganization(store, "shop");
        await importLedger(store, {
          orgId: shop.id,
          files: [writeJsonl(dir, "a.jsonl", sampleLedger())],
        });
        await ensureOrganization(store, "big");
        const before = await snapshot(store);
        const file = writeLargeLedger(dir, "big.jsonl", 40_000);

        const { signal, sawProgress } = await importAndKill(
          [store.url, store.schema ?? "-", "big", file],
          fraction,
        );
        expect(sawProgress).toBe(true);
        expect(signal).toBe("SIGKILL");

        expect(await snapshot(store)).toEqual(before);
        // The store still works: the same file now imports in full.
        const big = await ensureOrganization(store, "big");
        const report = await importLedger(store, { orgId: big.id, files: [file] });
        expect(report.counts.customer).toEqual({ added: 40_000, unchanged: 0 });
      },
    );
  });
}
