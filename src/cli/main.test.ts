import { execFileSync, spawn, spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

for (const dialect of testDialects()) {
  describe(`comptoir charter on ${dialect}`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    beforeEach(async () => {
      fresh = await freshDb(dialect);
    });
    afterEach(async () => {
      await fresh.close();
    });

    it("prints the default charter as JSON on stdout alone", async () => {
      const r = await runCli(["charter", "--json", "--db", fresh.db]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toMatchObject({
        currency: "EUR",
        max_discount_pct: 10,
        window_months: 12,
      });
    });

    it("changes a key, accepting global options anywhere on the line", async () => {
      const r = await runCli([
        "--db",
        fresh.db,
        "charter",
        "--set",
        "max_discount_pct=12,5",
        "--json",
        "--org",
        "atelier",
      ]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).max_discount_pct).toBe(12.5);
      const again = await runCli(["charter", "--org", "atelier", "--json", "--db", fresh.db]);
      expect(JSON.parse(again.stdout).max_discount_pct).toBe(12.5);
    });

    it("refuses a negative percentage or an unknown key with exit 1 and changes nothing", async () => {
      const bad = await runCli([
        "charter",
        "--db",
        fresh.db,
        "--set",
        "min_margin_pct=20",
        "--set",
        "max_discount_pct=-5",
      ]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("max_discount_pct: must not be negative");
      const unknown = await runCli(["charter", "--db", fresh.db, "--set", "colour=blue"]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("colour: unknown charter key");
      const now = await runCli(["charter", "--db", fresh.db, "--json"]);
      expect(JSON.parse(now.stdout).min_margin_pct).toBe(15);
    });

    it("prints a readable table in French, and in English with --lang en", async () => {
      const fr = await runCli(["charter", "--db", fresh.db]);
      expect(fr.stdout).toMatch(/max_discount_pct\s+10\s+remise maximale/);
      const en = await runCli(["charter", "--db", fresh.db, "--lang", "en"]);
      expect(en.stdout).toMatch(/max_discount_pct\s+10\s+maximum discount/);
      expect(fr.stdout).not.toContain("\x1b[");
    });
  });
}

describe("comptoir usage errors", () => {
  it("exits 2 on an unknown command", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it("exits 2 on an unknown option", async () => {
    const r = await runCli(["charter", "--colour"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--colour");
  });

  it("exits 2 on a bad --as-of and a bad --lang", async () => {
    expect((await runCli(["scorecards", "--as-of", "yesterday", "--db", ":memory:"])).code).toBe(2);
    expect((await runCli(["charter", "--lang", "de", "--db", ":memory:"])).code).toBe(2);
  });

  it("exits 0 on --help and 2 with no command at all", async () => {
    const asked = await runCli(["--help"]);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain("scorecards");
    expect((await runCli([])).code).toBe(2);
  });

  it("exits 2 on --set without =, and 1 on a bad value", async () => {
    const usage = await runCli(["charter", "--set", "hour_cost", "--db", ":memory:"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--set hour_cost: expected key=value");
    const bad = await runCli(["charter", "--set", "hour_cost=cher", "--db", ":memory:"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("hour_cost");
  });

  it("lists the commands with help", async () => {
    const r = await runCli(["help"]);
    expect(r.code).toBe(0);
    for (const name of ["import", "charter", "scorecards", "portfolio", "clv", "demo", "serve"]) {
      expect(r.stdout).toContain(name);
    }
  });
});

describe("the comptoir executable", () => {
  it("stops quietly when its reader closes the pipe early (comptoir ... | head)", async () => {
    const child = spawn("node", ["bin/comptoir.js", "help"], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  });

  it("runs from a checkout through node bin/comptoir.js and npx comptoir", () => {
    const viaNode = spawnSync(
      "node",
      ["bin/comptoir.js", "charter", "--json", "--db", ":memory:"],
      { encoding: "utf8" },
    );
    expect(viaNode.status).toBe(0);
    expect(JSON.parse(viaNode.stdout).currency).toBe("EUR");
    const viaNpx = execFileSync("npx", ["--no-install", "comptoir", "help"], { encoding: "utf8" });
    expect(viaNpx).toContain("scorecards");
    const usage = spawnSync("node", ["bin/comptoir.js", "nope"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
  });
});
