import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.ts";
import { findFact } from "../../store/fact-repository.ts";
import { countFacts, ensureOrganization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { detectDelimiter, typeFromFileName } from "./engine/import-readers.ts";
import { tempDir, writeText } from "./fixtures/import-files.ts";
import { type ImportReport, importLedger } from "./import-ledger.ts";

const messages = (r: ImportReport) =>
  r.errors.map((e) => `line ${e.line}: ${e.field}: ${e.reason}`);

describe("CSV file names and delimiters", () => {
  const names: [string, string | undefined][] = [
    ["customers.csv", "customer"],
    ["order.csv", "order"],
    ["Orders.CSV", "order"],
    ["time.csv", "time"],
    ["feedback.csv", "feedback"],
    ["credit_notes.csv", "credit_note"],
    ["credit_note.csv", "credit_note"],
    ["export.csv", undefined],
  ];
  it.each(names)("reads the type of %s from its name", (name, type) => {
    expect(typeFromFileName(`/some/dir/${name}`)).toBe(type);
  });

  it("detects ; and , from the header row", async () => {
    const dir = tempDir();
    expect(await detectDelimiter(writeText(dir, "a.csv", "type;id;at;name\n"))).toBe(";");
    expect(await detectDelimiter(writeText(dir, "b.csv", 'type,id,"a;b"\n'))).toBe(",");
  });
});

for (const dialect of testDialects()) {
  describe(`CSV import (${dialect})`, () => {
    let store: Store;
    let orgId: string;
    let dir: string;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      orgId = (await ensureOrganization(store, "atelier")).id;
      dir = tempDir();
    });
    afterEach(async () => {
      await store.close();
    });

    it("imports a French spreadsheet export: BOM, semicolons, 1 234,50", async () => {
      const file = writeText(
        dir,
        "export.csv",
        "\ufefftype;id;at;customer;name;price;list_price;cost\r\n" +
          "customer;c1;2026-03-01;;Léa Dupont;;;\r\n" +
          "order;o1;2026-03-02;c1;;1 234,50;1\u00a0300;12,5\r\n",
      );
      const report = await importLedger(store, { orgId, files: [file] });
      expect(report.errors).toEqual([]);
      expect(await findFact(store, orgId, "order", "o1")).toMatchObject({
        price: 123450,
        list_price: 130000,
        cost: 1250,
      });
      expect(await findFact(store, orgId, "customer", "c1")).toMatchObject({ name: "Léa Dupont" });
    });

    it("takes the type from a file named orders.csv without a type column", async () => {
      const customers = writeText(dir, "customers.csv", "id,at,name\nc1,2026-03-01,Ana\n");
      const orders = writeText(dir, "orders.csv", "id,at,customer,price\no1,2026-03-02,c1,80\n");
      const report = await importLedger(store, { orgId, files: [orders, customers] });
      expect(report.counts).toEqual({
        customer: { added: 1, unchanged: 0 },
        order: { added: 1, unchanged: 0 },
      });
    });

    it("imports credit notes (credit_notes.csv, French decimals) and refuses one on an unknown invoice", async () => {
      const customers = writeText(dir, "customers.csv", "id;at;name\nc1;2026-03-01;Ana\n");
      const invoices = writeText(
        dir,
        "invoices.csv",
        "id;at;customer;amount;due\nF-1;2026-03-02;c1;120,00;2026-04-01\n",
      );
      const notes = writeText(
        dir,
        "credit_notes.csv",
        "id;at;customer;invoice;amount;reason\nA-1;2026-03-05;c1;F-1;20,50;Geste commercial\n",
      );
      const report = await importLedger(store, { orgId, files: [customers, invoices, notes] });
      expect(messages(report)).toEqual([]);
      expect(report.counts.credit_note).toEqual({ added: 1, unchanged: 0 });
      expect(await findFact(store, orgId, "credit_note", "A-1")).toMatchObject({
        invoice: "F-1",
        amount: 2050,
        reason: "Geste commercial",
      });
      const unknown = writeText(
        dir,
        "credit_note.csv",
        "id;at;customer;invoice;amount\nA-2;2026-03-05;c1;F-404;10\n",
      );
      const refused = await importLedger(store, { orgId, files: [unknown] });
      expect(messages(refused)).toEqual([expect.stringMatching(/^line 2: invoice: /)]);
      const noAmount = writeText(
        dir,
        "credit_notes.csv",
        "id;at;customer;invoice\nA-3;2026-03-05;c1;F-1\n",
      );
      expect(messages(await importLedger(store, { orgId, files: [noAmount] }))).toEqual([
        expect.stringMatching(/^line 2: amount: /),
      ]);
    });

    it("reads disclosures as JSON in their cell", async () => {
      const cell =
        '"[{""code"":""no-refund"",""text"":""Sur mesure"",""acknowledged_at"":""2026-03-02T09:00:00+01:00""}]"';
      const file = writeText(
        dir,
        "orders.csv",
        `id,at,customer,price,disclosures\no1,2026-03-02,c1,80,${cell}\n`,
      );
      const customers = writeText(dir, "customers.csv", "id,at,name\nc1,2026-03-01,Ana\n");
      const report = await importLedger(store, { orgId, files: [customers, file] });
      expect(report.errors).toEqual([]);
      const o1 = await findFact(store, orgId, "order", "o1");
      expect(o1?.type === "order" && o1.disclosures).toEqual([
        { code: "no-refund", text: "Sur mesure", acknowledged_at: Date.UTC(2026, 2, 2, 8) },
      ]);
    });

    it("numbers CSV errors by file line, header being line 1", async () => {
      const file = writeText(
        dir,
        "customers.csv",
        "id;at;name\nc1;2026-03-01;Ana\nc2;01/03/2026;Bo\n",
      );
      // In English: jj/mm/aaaa is read only in French (import-french.test.ts).
      const report = await importLedger(store, { orgId, files: [file], lang: "en" });
      expect(messages(report)).toEqual([
        "line 3: at: must be a date (2026-03-01) or a date-time with an offset (2026-03-01T09:30:00+01:00)",
      ]);
      expect(await countFacts(store, orgId)).toBe(0);
    });

    it("refuses a row without type when neither a column nor the file name gives one", async () => {
      const file = writeText(dir, "export.csv", "id,at,name\nc1,2026-03-01,Ana\n");
      const report = await importLedger(store, { orgId, files: [file] });
      expect(messages(report)).toEqual([
        'line 2: type: required (no type column, and the file name "export.csv" names no type)',
      ]);
    });

    it("refuses a row with more cells than the header", async () => {
      const file = writeText(dir, "customers.csv", "id,at,name\nc1,2026-03-01,Ana,extra\n");
      const report = await importLedger(store, { orgId, files: [file] });
      expect(messages(report)).toEqual(["line 2: row: has 4 cells, the header has 3"]);
    });

    it("treats an empty cell as an absent field", async () => {
      const file = writeText(
        dir,
        "customers.csv",
        "id,at,name,email,status\nc1,2026-03-01,Ana,,\n",
      );
      const report = await importLedger(store, { orgId, files: [file] });
      expect(report.errors).toEqual([]);
      const c1 = await findFact(store, orgId, "customer", "c1");
      expect(c1).toMatchObject({ status: "active" });
      expect(c1).not.toHaveProperty("email");
    });
  });
}
