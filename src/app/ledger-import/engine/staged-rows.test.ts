import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STAGE_COLUMNS } from "./import-rows.ts";
import {
  NUMBER_COLUMNS,
  noStagedRows,
  type StagedRows,
  StagedRowsBuilder,
  StagedTextReader,
  stagedRowsTransfer,
  TEXT_COLUMNS,
} from "./staged-rows.ts";

type Row = [number, number, number, ...(string | null)[]];

function pack(rows: Row[]): StagedRows {
  const out = new StagedRowsBuilder();
  for (const [n, file, line, ...texts] of rows) {
    out.row(n, file, line);
    for (const t of texts) out.text(t);
  }
  expect(out.rows).toBe(rows.length);
  return out.finish();
}

function unpack(packed: StagedRows, count: number): Row[] {
  const texts = new StagedTextReader(packed);
  return Array.from({ length: count }, (_, r) => {
    const numbers = Array.from(
      packed.numbers.subarray(r * NUMBER_COLUMNS, (r + 1) * NUMBER_COLUMNS),
    );
    return [...numbers, ...Array.from({ length: TEXT_COLUMNS }, () => texts.next())] as Row;
  });
}

const text = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string({ unit: "binary" }), // lone surrogates too
  fc.string({ unit: "grapheme", minLength: 1 }),
  fc.integer({ min: 100_000, max: 300_000 }).map((k) => "é".repeat(k)), // longer than a block
);
const row = fc.tuple(
  fc.nat(),
  fc.nat(9),
  fc.nat(),
  ...Array.from({ length: TEXT_COLUMNS }, () => text),
) as fc.Arbitrary<Row>;

describe("staged rows", () => {
  it("reads back every row as it was packed, null, empty and long texts alike", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        expect(unpack(pack(rows), rows.length)).toEqual(rows);
      }),
      { numRuns: 60 },
    );
  });

  it("grows past its first thousand rows", () => {
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => [
      i + 1,
      0,
      i * 2,
      ...Array.from({ length: TEXT_COLUMNS }, (_, c) => (c % 3 === 0 ? null : `r${i}c${c}`)),
    ]);
    expect(unpack(pack(rows), rows.length)).toEqual(rows);
  });

  it("survives a postMessage with its arrays transferred", async () => {
    const rows: Row[] = [[7, 1, 3, "order", "o-1", null, "", "c1", "{}", "ab", null, null, null]];
    const packed = pack(rows);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<StagedRows>((resolve) => {
      port2.onmessage = (e) => resolve(e.data as StagedRows);
    });
    port1.postMessage(packed, stagedRowsTransfer(packed));
    const copy = await received;
    port1.close();
    port2.close();
    expect(packed.numbers.length).toBe(0); // transferred, not copied
    expect(unpack(copy, 1)).toEqual(rows);
  });

  it("has the staging table's columns: n, file and line, then texts", () => {
    expect(STAGE_COLUMNS.slice(0, NUMBER_COLUMNS)).toEqual(["n", "file", "line"]);
    expect(STAGE_COLUMNS.length).toBe(NUMBER_COLUMNS + TEXT_COLUMNS);
  });

  it("has an empty form", () => {
    expect(unpack(noStagedRows(), 0)).toEqual([]);
    expect(unpack(new StagedRowsBuilder().finish(), 0)).toEqual([]);
  });
});
