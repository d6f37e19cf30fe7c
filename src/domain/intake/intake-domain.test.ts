import { describe, expect, it } from "vitest";
import { riskCode } from "./catalogue.ts";
import { countsAgainstCustomer, resolutionProblems } from "./complaint-rules.ts";
import { demoCatalogue } from "./demo-catalogue.ts";
import {
  acceptedOrderFact,
  deliveredOrderFact,
  openedComplaintFact,
  resolvedComplaintFact,
} from "./intake-facts.ts";
import type { IntakeOrder } from "./intake-order.ts";
import { checkReturn } from "./return-rules.ts";

const order: IntakeOrder = {
  id: "in-1",
  customer: "c1",
  status: "quoted",
  serviceId: "s1",
  service: "sole_repair",
  item: "Plastic sandals",
  observations: { material: "plastic" },
  advice: { kind: "proceed_with_reserve" },
  listPrice: 18_00,
  price: 18_00,
  cost: 2_00,
  minutes: 12,
  deposit: 0,
  due: Date.parse("2026-03-12T00:00:00Z"),
  includedRevisions: 0,
  warrantyDays: 30,
  quoteConfirmedBy: null,
  redoOf: null,
  declineReason: null,
  createdBy: "u1",
  createdAt: 0,
  acceptedAt: null,
  deliveredAt: null,
  closedAt: null,
  declinedAt: null,
};

describe("intake facts", () => {
  const accepted = acceptedOrderFact(
    order,
    [
      {
        id: "d1",
        orderId: "in-1",
        code: "plastic_sole",
        text: "glued repair stays visible",
        acknowledgedAt: 5,
        acknowledgedBy: "Ana",
        acknowledgedVia: "counter",
      },
    ],
    10,
  );

  it("writes the spec's order fact on acceptance, disclosures with their acknowledgement", () => {
    expect(accepted).toMatchObject({
      type: "order",
      id: "in-1",
      at: 10,
      customer: "c1",
      price: 18_00,
      list_price: 18_00,
      cost: 2_00,
      service: "sole_repair",
      warranty_days: 30,
      disclosures: [
        { code: "plastic_sole", text: "glued repair stays visible", acknowledged_at: 5 },
      ],
    });
    expect(accepted.extra).toBeUndefined();
  });

  it("names the original in a redo's zero-price order", () => {
    const redo = acceptedOrderFact(
      { ...order, id: "in-2", price: 0, listPrice: 0, redoOf: "in-1" },
      [],
      20,
    );
    expect(redo).toMatchObject({ price: 0, list_price: 0, extra: { redo_of: "in-1" } });
  });

  it("corrects the order with a new fact when it is delivered", () => {
    expect(deliveredOrderFact(accepted, 99)).toMatchObject({
      id: "in-1~delivered",
      at: 10,
      delivered: 99,
      price: 18_00,
      extra: { corrects: "in-1" },
    });
  });

  it("opens a complaint without a fault and resolves it with one", () => {
    const opened = openedComplaintFact({
      id: "k1",
      at: 1,
      customer: "c1",
      order: "in-1",
      text: "ugly",
    });
    expect(opened.fault).toBeUndefined();
    const resolved = resolvedComplaintFact(opened, {
      fault: "customer",
      faultReason: "disclosed and acknowledged",
      remedy: "none",
      remedyAmount: 0,
      explanation: "the risk was disclosed",
      disclosure: "plastic_sole",
      firstResponse: 2,
      resolved: 3,
    });
    expect(resolved).toMatchObject({
      id: "k1~resolved",
      fault: "customer",
      remedy: "none",
      first_response: 2,
      resolved: 3,
      extra: { corrects: "k1", disclosure: "plastic_sole" },
    });
  });
});

describe("complaint resolution", () => {
  it.each([
    [
      "a discount with its amount",
      { fault: "ours", faultReason: "hem undone", remedy: "discount", remedyAmount: 5_00 },
      [],
    ],
    [
      "a discount without amount",
      { fault: "ours", faultReason: "x", remedy: "discount" },
      ["remedyAmount"],
    ],
    [
      "no remedy without an explanation",
      { fault: "customer", faultReason: "x", remedy: "none" },
      ["explanation"],
    ],
    [
      "a refund above the price",
      { fault: "ours", faultReason: "x", remedy: "refund", remedyAmount: 20_00 },
      ["remedyAmount"],
    ],
    ["a fault without a reason", { fault: "material", remedy: "redo" }, ["faultReason"]],
    ["an unknown fault needs no reason", { fault: "unknown", remedy: "redo" }, []],
  ] as const)("%s", (_name, input, fields) => {
    expect(resolutionProblems(input, 18_00).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    ["ours", false],
    ["customer", true],
    ["material", false],
    ["shared", false],
    ["unknown", false],
  ] as const)("a fault %s counts against the customer: %s", (fault, counts) => {
    expect(countsAgainstCustomer(fault)).toBe(counts);
  });
});

describe("returns against the warranty", () => {
  const day = 86_400_000;
  it.each([
    ["from delivery, inside", { at: 0, delivered: 10 * day, warranty_days: 30 }, 40 * day, true],
    [
      "from delivery, one ms late",
      { at: 0, delivered: 10 * day, warranty_days: 30 },
      40 * day + 1,
      false,
    ],
    ["from the order date when never delivered", { at: 0, warranty_days: 30 }, 31 * day, false],
    ["the charter's warranty when the order has none", { at: 0 }, 29 * day, true],
  ])("%s", (_name, o, at, within) => {
    expect(checkReturn(o, at, 30).within).toBe(within);
  });
});

describe("demo catalogue", () => {
  it("offers each service in French and English with its known risks", () => {
    const all = demoCatalogue();
    const fr = all.filter((s) => s.lang === "fr");
    const en = all.filter((s) => s.lang === "en");
    expect(fr.map((s) => s.code)).toEqual(en.map((s) => s.code));
    const sole = (l: typeof fr) => l.find((s) => s.code === "sole_repair")?.risks[0].text;
    expect(sole(fr)).toBe("semelle en plastique : la réparation collée restera visible");
    expect(sole(en)).toBe("plastic sole: a glued repair stays visible");
    expect(fr.flatMap((s) => s.risks.map((r) => r.text))).toContain(
      "le texte source contient des termes qui n'existent pas",
    );
  });

  it("derives a risk code from free text", () => {
    expect(riskCode("Semelle en plastique : déjà recollée")).toBe(
      "semelle-en-plastique-deja-recollee",
    );
  });
});
