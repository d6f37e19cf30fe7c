import { describe, expect, it } from "vitest";
import { csvFileName } from "../../domain/fact-export.ts";
import { FACT_TYPES } from "../../domain/facts.ts";
import { typeFromFileName } from "../ledger-import/engine/import-readers.ts";

describe("CSV file names of an export", () => {
  it("names each type's file as the import recognizes it", () => {
    for (const type of FACT_TYPES) expect(typeFromFileName(csvFileName(type))).toBe(type);
    expect(csvFileName("order")).toBe("orders.csv");
    expect(csvFileName("time")).toBe("time.csv");
    expect(csvFileName("feedback")).toBe("feedback.csv");
  });
});
