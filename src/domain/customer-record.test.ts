import { describe, expect, it } from "vitest";
import { findDuplicates } from "./customer-duplicates.ts";
import {
  checkContactDetails,
  describeChange,
  editDistanceWithin,
  foldName,
  phoneE164,
} from "./customer-record.ts";
import type { CustomerFact } from "./facts.ts";

describe("phoneE164", () => {
  it.each([
    ["06 12 34 56 78", "+33612345678"],
    ["06.12.34.56.78", "+33612345678"],
    ["+33 6 12 34 56 78", "+33612345678"],
    ["+33 (0)6 12 34 56 78", "+33612345678"],
    ["0033 6 12 34 56 78", "+33612345678"],
    ["+32 470 12 34 56", "+32470123456"],
    ["12", undefined],
    ["06 12 34", undefined],
    ["phone", undefined],
  ])("%s → %s", (input, expected) => expect(phoneE164(input)).toBe(expected));
});

describe("checkContactDetails", () => {
  it.each([
    [{ name: "" }, "name", "is required"],
    [{ name: "A", email: "a@b" }, "email", "is not an e-mail address"],
    [{ name: "A", phone: "123" }, "phone", "is not a phone number"],
    [{ name: "A", siren: "443061841" }, "siren", "only a business customer has a SIREN"],
    [{ name: "A", kind: "business", siren: "443061842" }, "siren", "check digit is wrong"],
    [{ name: "A", kind: "business", vat: "FR65443061841" }, "vat", "should be 64"],
    [{ name: "A", kind: "business", vat: "X" }, "vat", "a VAT number is a country code"],
    [
      { name: "A", kind: "business", siren: "732829320", vat: "FR64443061841" },
      "vat",
      "is for SIREN 443061841, not 732829320",
    ],
  ])("%j: %s %s", (input, field, reason) => {
    const checked = checkContactDetails(input);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems[0]?.field).toBe(field);
    expect(checked.problems[0]?.reason).toContain(reason);
  });

  it("keeps SIREN and VAT in their compact form, and a foreign EU VAT number as written", () => {
    const checked = checkContactDetails({
      name: " Atelier ",
      kind: "business",
      siren: "443 061 841",
      vat: "fr 64 443 061 841",
    });
    expect(checked).toEqual({
      ok: true,
      details: { name: "Atelier", kind: "business", siren: "443061841", vat: "FR64443061841" },
    });
    expect(checkContactDetails({ name: "B", kind: "business", vat: "BE0123456789" }).ok).toBe(true);
  });
});

describe("names", () => {
  it("folds case, accents and punctuation", () => {
    expect(foldName("  Émile  DUPONT-Rivière ")).toBe("emile dupont riviere");
  });
  it.each([
    ["dupont", "dupont", 0],
    ["dupont", "dupond", 1],
    ["martin", "martine", 1],
    ["anna martin", "ana martine", 2],
    ["dupont", "durand", 3],
  ])("%s / %s: %d (3 = more than two)", (a, b, d) => {
    expect(editDistanceWithin(a, b, 2)).toBe(d);
  });
});

describe("findDuplicates", () => {
  it("pairs the same e-mail, the same E.164 phone and names within two edits", () => {
    const pairs = findDuplicates([
      { id: "a", name: "Émile Dupont", email: "EMILE@example.test" },
      { id: "b", name: "emile dupond", email: "emile@example.test" },
      { id: "c", name: "Atelier Bleu", phone: "06 12 34 56 78" },
      { id: "d", name: "Garage Rouge", phone: "+33612345678" },
      { id: "e", name: "Li" },
      { id: "f", name: "Lu" },
      { id: "g", name: "Bob Durand" },
    ]);
    expect(pairs).toEqual([
      { a: "a", b: "b", reasons: ["email", "name"] },
      { a: "c", b: "d", reasons: ["phone"] },
    ]);
  });

  it("finds every pair within two edits that a comparison of all pairs finds", () => {
    const names = [
      "jean dupont",
      "jean dupond",
      "jeanne dupont",
      "jan dupont",
      "jean durand",
      "marie curie",
      "marie curi",
      "mari curie",
      "pierre",
      "pierrot",
      "pierres",
      "piere",
    ];
    const customers = names.map((name, i) => ({ id: `c${String(i).padStart(2, "0")}`, name }));
    const brute: string[] = [];
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++)
        if (editDistanceWithin(names[i] as string, names[j] as string, 2) <= 2)
          brute.push(`${customers[i]?.id}/${customers[j]?.id}`);
    expect(findDuplicates(customers).map((p) => `${p.a}/${p.b}`)).toEqual(brute);
  });
});

describe("describeChange", () => {
  const ana: CustomerFact = { type: "customer", id: "ana", at: 0, name: "Ana", status: "active" };
  it("names a merge, an archive and the contact details that changed", () => {
    expect(describeChange(ana, { ...ana, extra: { merged_into: "bob" } })).toEqual({
      action: "merge",
      fields: [],
      customer: "bob",
    });
    expect(describeChange({ ...ana, extra: { merged_into: "bob" } }, ana).action).toBe("unmerge");
    expect(describeChange(ana, { ...ana, extra: { archived: true } }).action).toBe("archive");
    expect(describeChange(ana, { ...ana, phone: "0612345678" })).toEqual({
      action: "edit",
      fields: [{ field: "phone", before: "", after: "0612345678" }],
    });
  });
});
