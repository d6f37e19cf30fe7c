import { describe, expect, it } from "vitest";
import { parseCharterAssignment, resolveCharter, validateCharterPatch } from "./charter.ts";

describe("high_value_basis", () => {
  it.each([
    [{ high_value_basis: "revenue" }, []],
    [{ high_value_basis: "net_value" }, []],
    [
      { high_value_basis: "profit" },
      [{ field: "high_value_basis", reason: "must be one of revenue, net_value" }],
    ],
    [
      { high_value_basis: 1 },
      [{ field: "high_value_basis", reason: "must be one of revenue, net_value" }],
    ],
  ])("validates %j", (patch, errors) => {
    expect(validateCharterPatch(patch)).toEqual(errors);
  });

  it("defaults to revenue, the spec's rule, and is set from the command line as a word", () => {
    expect(resolveCharter().high_value_basis).toBe("revenue");
    expect(parseCharterAssignment("high_value_basis=net_value")).toEqual({
      key: "high_value_basis",
      value: "net_value",
    });
  });
});
