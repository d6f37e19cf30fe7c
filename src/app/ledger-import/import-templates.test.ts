/** The import page's templates (issue 18): each imports as it is, in French and in English. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FACT_TYPES } from "../../domain/facts.ts";
import { templateCsv, templateFields, templateFileName } from "../../domain/import-templates.ts";
import type { Store } from "../../store/database.ts";
import { findFact } from "../../store/fact-repository.ts";
import { countFacts, ensureOrganization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { tempDir, writeText } from "./fixtures/import-files.ts";
import { importLedger } from "./import-ledger.ts";

describe("import templates", () => {
  it("names every column and marks the required ones", () => {
    const fr = templateFields("invoice", "fr");
    expect(fr.map((f) => f.column)).toEqual([
      "identifiant",
      "date",
      "client",
      "montant",
      "echeance",
      "commande",
    ]);
    expect(fr.filter((f) => f.required).map((f) => f.field)).toEqual([
      "id",
      "at",
      "customer",
      "amount",
      "due",
    ]);
    expect(fr.find((f) => f.field === "amount")?.example).toBe("120,00");
    expect(fr.find((f) => f.field === "at")?.example).toBe("01/03/2026");
    expect(templateFields("complaint", "fr").find((f) => f.field === "fault")?.example).toBe(
      "matiere",
    );
    expect(templateFileName("credit_note", "fr")).toBe("avoirs.csv");
    expect(templateFileName("time", "en")).toBe("time.csv");
  });
});

for (const dialect of testDialects()) {
  describe(`import templates (${dialect})`, () => {
    let store: Store;
    let orgId: string;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      orgId = (await ensureOrganization(store, "atelier")).id;
    });
    afterEach(async () => {
      await store.close();
    });

    for (const lang of ["fr", "en"] as const) {
      it(`imports every template as it is (${lang})`, async () => {
        const dir = tempDir();
        const files = FACT_TYPES.map((type) =>
          writeText(dir, templateFileName(type, lang), templateCsv(type, lang)),
        );
        const report = await importLedger(store, { orgId, files, lang });
        expect(report.errors).toEqual([]);
        expect(await countFacts(store, orgId)).toBe(FACT_TYPES.length);
        expect(await findFact(store, orgId, "complaint", "rc1")).toMatchObject({
          fault: "material",
          remedy: "discount",
          remedy_amount: 2000,
        });
        expect(await findFact(store, orgId, "customer", "c1")).toMatchObject({
          kind: "person",
          at: Date.UTC(2026, 2, 1),
        });
      });
    }
  });
}
