import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sharedDir, sharedFile } from "./test-shared-data.ts";

const dir = mkdtempSync(join(tmpdir(), "comptoir-shared-"));
writeFileSync(join(dir, "here.txt"), "x");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sharedFile", () => {
  it("finds ../shared beside the repository by default, or COMPTOIR_SHARED_DIR", () => {
    expect.assertions(2);
    expect(sharedDir({})).toMatch(/[/\\]shared[/\\]?$/);
    expect(sharedDir({ COMPTOIR_SHARED_DIR: dir })).toBe(dir);
  });

  it("returns the path of a present file, in CI or not", () => {
    expect.assertions(2);
    expect(sharedFile("here.txt", { COMPTOIR_SHARED_DIR: dir })).toBe(join(dir, "here.txt"));
    expect(sharedFile("here.txt", { COMPTOIR_SHARED_DIR: dir, CI: "true" })).toBe(
      join(dir, "here.txt"),
    );
  });

  it("skips with a message outside CI when the file is absent", () => {
    expect.assertions(2);
    const warnings: string[] = [];
    const env = { COMPTOIR_SHARED_DIR: dir };
    expect(sharedFile("data/gone.txt", env, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toEqual([
      `${join(dir, "data/gone.txt")} not found: skipping the tests that need it (they fail in CI)`,
    ]);
  });

  it("fails in CI when the file is absent, naming the file and CI=true", () => {
    expect.assertions(1);
    const env = { COMPTOIR_SHARED_DIR: dir, CI: "true" };
    expect(() => sharedFile("data/gone.txt", env)).toThrow(
      `${join(dir, "data/gone.txt")} is missing and CI=true`,
    );
  });
});
