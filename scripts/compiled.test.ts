/**
 * The command line and the server run compiled JavaScript (dist/), never tsx nor a TypeScript
 * source, in the main thread and in the import and scorecard workers; and a build older than
 * the sources is rebuilt before anything runs (issue 13).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLedger } from "../bench/generate-ledger.ts";
import { build, DIST, isBuildFresh, ROOT } from "../bin/ensure-built.js";

const dir = mkdtempSync(join(tmpdir(), "comptoir-compiled-"));
const db = join(dir, "ledger.sqlite");
const TRACER = join(ROOT, "scripts", "trace-modules.mjs");

/** Runs `comptoir` with the module tracer; returns the result and every module URL it resolved. */
function traced(args: string[], name: string) {
  const trace = join(dir, `${name}.trace`);
  const result = spawnSync(process.execPath, ["--import", TRACER, "bin/comptoir.js", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, COMPTOIR_TRACE_FILE: trace, LANG: "en" },
  });
  const modules = existsSync(trace) ? readFileSync(trace, "utf8").trim().split("\n") : [];
  return { ...result, modules };
}

/** What no compiled process may load: tsx, or one of our TypeScript sources. */
const notCompiled = (modules: string[]) =>
  modules.filter((url) => url.includes("/node_modules/tsx/") || /\/src\/.*\.ts$/.test(url));

beforeAll(async () => {
  if (!isBuildFresh()) await build({ quiet: true });
  // 5,000 customers: over 4 MB (the import's workers) and 50,000 facts (the scorecards').
  await writeLedger(join(dir, "ledger.jsonl"), { customers: 5000, asOf: "2026-06-30" });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the compiled command line", () => {
  it("imports with its workers without tsx", () => {
    expect.assertions(4);
    const run = traced(["import", join(dir, "ledger.jsonl"), "--db", db, "--json"], "import");
    expect(run.status, run.stderr).toBe(0);
    expect(run.modules.some((url) => url.endsWith("/dist/cli/main.js"))).toBe(true);
    // The workers were traced too: their compiled entry was resolved.
    expect(run.modules.filter((url) => url.endsWith("/import-worker.js")).length).toBeGreaterThan(
      0,
    );
    expect(notCompiled(run.modules)).toEqual([]);
  }, 180_000);

  it("computes the scorecards without tsx", () => {
    expect.assertions(3);
    const run = traced(["scorecards", "--db", db, "--as-of", "2026-06-30", "--json"], "scorecards");
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(5000);
    expect(notCompiled(run.modules)).toEqual([]);
  }, 180_000);

  it("serves, and warms the scorecards with its workers, without tsx", async () => {
    expect.assertions(4);
    const trace = join(dir, "serve.trace");
    const child = spawn(
      process.execPath,
      ["--import", TRACER, "bin/comptoir.js", "serve", "--db", db, "--port", "0", "--no-demo"],
      { cwd: ROOT, env: { ...process.env, COMPTOIR_TRACE_FILE: trace }, stdio: "pipe" },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let output = "";
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk;
          const found = output.match(/Comptoir: (http:\/\/localhost:\d+)/);
          if (found) resolve(found[1]);
        };
        child.stdout.on("data", onData);
        child.stderr.on("data", onData);
        child.on("exit", () => reject(new Error(`serve exited: ${output}`)));
      });
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      // 67,000 facts: the warm-up shares the pass with a worker thread (scorecard-parallel.ts).
      await new Promise<void>((resolve) => {
        const check = () =>
          output.includes("scorecards warmed") ? resolve() : setTimeout(check, 100);
        check();
      });
    } finally {
      // Never left running, even when the test fails.
      child.kill("SIGTERM");
      await exited;
    }
    const modules = readFileSync(trace, "utf8").trim().split("\n");
    expect(modules.some((m) => m.endsWith("/dist/cli/main.js"))).toBe(true);
    expect(modules.some((m) => m.endsWith("/scorecard-worker.js"))).toBe(true);
    expect(notCompiled(modules)).toEqual([]);
  }, 60_000);
});

describe("the compiled code's stack traces", () => {
  it("name the TypeScript sources (source maps)", () => {
    expect.assertions(2);
    // main() reports an unexpected error with its stack: here, a standard output that throws.
    const script = `
      process.setSourceMapsEnabled(true);
      const { main } = await import("./dist/cli/main.js");
      const io = { stdout: { write() { throw new Error("boom"); } }, stderr: { write: (s) => process.stdout.write(s) }, env: {} };
      await main(["help"], io);`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.stdout).toContain("unexpected error: Error: boom");
    expect(run.stdout).toMatch(/src\/cli\/main\.ts:\d+/);
  });
});

describe("a build older than the sources", () => {
  it("is rebuilt before the command runs, and says so", () => {
    expect.assertions(4);
    const stamp = join(DIST, ".build-stamp");
    const past = new Date(Date.now() - 86_400_000 * 365 * 20);
    utimesSync(stamp, past, past);
    expect(isBuildFresh()).toBe(false);
    const run = spawnSync(process.execPath, ["bin/comptoir.js", "help"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, LANG: "en" },
    });
    expect(run.stderr).toContain("the sources changed since the last build");
    expect(run.status).toBe(0);
    expect(statSync(stamp).mtimeMs).toBeGreaterThan(past.getTime());
  }, 180_000);
});
