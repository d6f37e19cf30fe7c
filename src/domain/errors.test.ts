import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_CATALOGUE } from "./errors.ts";

describe("error catalogue", () => {
  it("documents every error code in docs/errors.md", () => {
    const doc = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8");
    const missing = Object.keys(ERROR_CATALOGUE).filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it("maps usage errors to exit 2 and bad input to exit 1", () => {
    expect(ERROR_CATALOGUE.USAGE.exit).toBe(2);
    expect(ERROR_CATALOGUE.BAD_INPUT.exit).toBe(1);
    expect(ERROR_CATALOGUE.IMPORT_REJECTED.exit).toBe(1);
  });
});
