/**
 * Start-up as users feel it (issue 13), each a child process timed from spawn to exit (or to
 * the first answer): `comptoir --help` against a bare `node -e 0` (medians of 10, in the same
 * run), and `comptoir serve` until `GET /api/health` and `GET /` first answer 200, on an
 * already-migrated SQLite file with no organization (median of 5).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, isBuildFresh, ROOT } from "../bin/ensure-built.js";
import { freePort } from "../e2e/start-server.ts";
import { openStore } from "../src/store/database.ts";
import type { BenchRow } from "./table.ts";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds from spawn to exit, `runs` times; fails on a non-zero exit. */
function timeRuns(args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return times;
}

/** Milliseconds from spawning `serve` to a 200 from both `/api/health` and `/`. */
async function serveToFirstAnswer(db: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ["bin/comptoir.js", "serve", "--db", db, "--port", String(port), "--no-demo"],
    { cwd: ROOT, stdio: "ignore", env: { ...process.env, COMPTOIR_LOG: "off" } },
  );
  try {
    const answered = new Set<string>();
    while (answered.size < 2) {
      for (const path of ["/api/health", "/"]) {
        if (answered.has(path)) continue;
        const ok = await fetch(`http://127.0.0.1:${port}${path}`)
          .then((r) => r.status === 200)
          .catch(() => false);
        if (ok) answered.add(path);
      }
      if (answered.size < 2) await new Promise((r) => setTimeout(r, 5));
      if (performance.now() - t0 > 30_000) throw new Error("serve did not answer in 30 s");
    }
    return performance.now() - t0;
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export async function startupBench(): Promise<BenchRow[]> {
  if (!isBuildFresh()) await build({ quiet: true });
  const bare = median(timeRuns(["-e", "0"], 10));
  const help = median(timeRuns(["bin/comptoir.js", "--help"], 10));
  const dir = mkdtempSync(join(tmpdir(), "comptoir-startup-"));
  const db = join(dir, "empty.sqlite");
  try {
    // Migrated, no organization: what `serve` finds after an upgrade with nothing to load.
    await (await openStore(db)).close();
    const serve: number[] = [];
    for (let i = 0; i < 5; i++) serve.push(await serveToFirstAnswer(db));
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    return [
      { bench: "startup", measure: "node -e 0 (median of 10)", value: ms(bare), target: "" },
      {
        bench: "startup",
        measure: "comptoir --help (median of 10)",
        value: `${ms(help)} (${(help / bare).toFixed(1)}x node -e 0)`,
        target: "<= 4x node -e 0",
      },
      {
        bench: "startup",
        measure: "serve to first 200 of /api/health and / (median of 5)",
        value: ms(median(serve)),
        target: "< 1000 ms",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
