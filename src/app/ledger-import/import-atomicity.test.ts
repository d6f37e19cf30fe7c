/**
 * A crash or kill during an import leaves the store as it was (spec section 1): a child
 * process importing a large file is killed with SIGKILL once it is writing, and the store is
 * then exactly as before, row for row.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../store/database.ts";
import { ensureOrganization, findOrganization } from "../../store/organization-repository.ts";
import { openTestStore, tempSqlitePath, testDialects } from "../../store/test-stores.ts";
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
      ["bin/run-ts.js", "src/app/ledger-import/fixtures/import-child.ts", ...args],
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

    it("leaves no empty organization when an import into a new one is killed", async () => {
      const file = writeLargeLedger(tempDir(), "big.jsonl", 40_000);
      const before = await snapshot(store);
      const { signal, sawProgress } = await importAndKill(
        [store.url, store.schema ?? "-", "fresh", file],
        1,
      );
      expect(sawProgress).toBe(true);
      expect(signal).toBe("SIGKILL");
      expect(await snapshot(store)).toEqual(before);
      expect(await findOrganization(store, "fresh")).toBeUndefined();
    });
  });
}

/**
 * A large import on SQLite leaves WAL for a rollback journal when it is alone on the file
 * (store/import-sqlite.ts): the same guarantees must hold, and WAL must come back.
 */
describe.runIf(testDialects().includes("sqlite"))(
  "import atomicity under a rollback journal",
  () => {
    const journalMode = (path: string) => {
      const db = new SQLite(path, { readonly: true });
      try {
        return db.pragma("journal_mode", { simple: true });
      } finally {
        db.close();
      }
    };

    it.each([0.5, 1])(
      "leaves the store exactly as before when killed at %s of the file",
      async (fraction) => {
        const dir = tempDir();
        const path = tempSqlitePath();
        let store = await openStore(path);
        const shop = await ensureOrganization(store, "shop");
        await importLedger(store, {
          orgId: shop.id,
          files: [writeJsonl(dir, "a.jsonl", sampleLedger())],
        });
        await ensureOrganization(store, "big");
        const before = await snapshot(store);
        const file = writeLargeLedger(dir, "big.jsonl", 40_000);
        // The child must be alone on the file to leave WAL.
        await store.close();

        const { signal, sawProgress } = await importAndKill(
          [path, "-", "big", file, "rollback"],
          fraction,
        );
        expect(sawProgress).toBe(true);
        expect(signal).toBe("SIGKILL");
        // The child had left WAL: byte 18 of the header is 1 in rollback mode, 2 in WAL.
        expect(readFileSync(path).subarray(18, 20)).toEqual(Buffer.from([1, 1]));

        store = await openStore(path);
        try {
          expect(await snapshot(store)).toEqual(before);
          expect(journalMode(path)).toBe("wal");
          const big = await ensureOrganization(store, "big");
          const report = await importLedger(store, { orgId: big.id, files: [file] });
          expect(report.counts.customer).toEqual({ added: 40_000, unchanged: 0 });
        } finally {
          await store.close();
        }
      },
    );

    it("comes back to WAL after the import, and stays in WAL when another connection is open", async () => {
      const dir = tempDir();
      const path = tempSqlitePath();
      const store = await openStore(path);
      try {
        const file = writeJsonl(dir, "a.jsonl", sampleLedger());
        const alone = await ensureOrganization(store, "alone");
        const first = await importLedger(store, {
          orgId: alone.id,
          files: [file],
          rollbackJournalMinBytes: 0,
        });
        expect(first.committed).toBe(true);
        expect(journalMode(path)).toBe("wal");

        // A reader in another connection: the switch fails at once, the import goes on in WAL.
        const reader = new SQLite(path);
        try {
          reader.prepare("SELECT count(*) FROM facts").get();
          const shared = await ensureOrganization(store, "shared");
          const started = performance.now();
          const second = await importLedger(store, {
            orgId: shared.id,
            files: [file],
            rollbackJournalMinBytes: 0,
          });
          expect(second.counts).toEqual(first.counts);
          // No wait for the busy timeout (5 s) before giving up the switch.
          expect(performance.now() - started).toBeLessThan(4000);
          expect(reader.pragma("journal_mode", { simple: true })).toBe("wal");
        } finally {
          reader.close();
        }
      } finally {
        await store.close();
      }
    });
  },
);
