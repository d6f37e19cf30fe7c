import { describe, expect, it } from "vitest";
import { buildDemoLedger } from "./build-demo-ledger.ts";
import { demoClock } from "./demo-clock.ts";

const TODAY = "2026-11-22";
const demo = buildDemoLedger(TODAY);
type Line = Record<string, unknown>;

// Spec section 1: required and optional fields per type (plus type, id, at on every line).
const FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  customer: { required: ["name"], optional: ["kind", "email", "phone", "status", "lang"] },
  order: {
    required: ["customer", "price"],
    optional: [
      "list_price",
      "cost",
      "service",
      "description",
      "included_revisions",
      "warranty_days",
      "due",
      "delivered",
      "disclosures",
    ],
  },
  time: { required: ["customer", "minutes", "activity"], optional: ["order", "staff"] },
  revision: { required: ["customer", "order"], optional: ["text"] },
  chase: { required: ["customer"], optional: ["order", "text"] },
  invoice: { required: ["customer", "amount", "due"], optional: ["order"] },
  payment: { required: ["customer", "invoice", "amount"], optional: [] },
  reminder: { required: ["customer", "invoice", "level"], optional: [] },
  return: { required: ["customer", "order", "kind"], optional: ["warranty_end", "reason"] },
  complaint: {
    required: ["customer"],
    optional: ["order", "text", "first_response", "resolved", "fault", "remedy", "remedy_amount"],
  },
  incident: { required: ["customer", "severity"], optional: ["staff", "text"] },
  feedback: { required: ["source"], optional: ["customer", "score", "text", "lang"] },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const instant = (value: string) => Date.parse(DATE.test(value) ? `${value}T00:00:00Z` : value);
const endOfToday = Date.parse(`${TODAY}T23:59:59.999Z`);

describe("buildDemoLedger: the lines", () => {
  it("describes the French demo organization", () => {
    expect(demo.organization).toEqual({
      slug: "demo",
      name: expect.stringContaining("Atelier Dupin"),
      lang: "fr",
      time_zone: "Europe/Paris",
    });
  });

  it.each(Object.keys(FIELDS))("writes %s lines with the spec's fields only", (type) => {
    const lines = demo.lines.filter((l) => l.type === type);
    expect(lines.length).toBeGreaterThan(0);
    const { required, optional } = FIELDS[type];
    for (const line of lines) {
      for (const field of ["type", "id", "at", ...required])
        expect(line, field).toHaveProperty(field);
      const unknown = Object.keys(line).filter(
        (k) => !["type", "id", "at", ...required, ...optional].includes(k),
      );
      expect(unknown, `${line.id}`).toEqual([]);
    }
  });

  it("dates every fact as a date or a Paris date-time, on or before today", () => {
    for (const line of demo.lines) {
      const at = line.at as string;
      expect(DATE.test(at) || /[+]0[12]:00$/.test(at), `${line.id} at ${at}`).toBe(true);
      expect(instant(at), `${line.id}`).toBeLessThanOrEqual(endOfToday);
      for (const key of ["delivered", "first_response", "resolved"]) {
        if (line[key] !== undefined) expect(line[key] as string).toMatch(DATE_TIME);
      }
    }
  });

  it("writes amounts as decimal euros with at most two decimals", () => {
    for (const line of demo.lines) {
      for (const key of ["price", "list_price", "cost", "amount", "remedy_amount"]) {
        const value = line[key];
        if (value === undefined) continue;
        expect(typeof value, `${line.id}.${key}`).toBe("number");
        expect(
          Math.abs((value as number) * 100 - Math.round((value as number) * 100)),
        ).toBeLessThan(1e-6);
      }
    }
  });

  it("keeps ids unique within each type", () => {
    const seen = new Set<string>();
    for (const line of demo.lines) {
      const key = `${line.type}:${line.id}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it("places every referenced customer, order and invoice before the facts that refer to it", () => {
    const seen = new Set<string>();
    const refs: [string, string][] = [
      ["customer", "customer"],
      ["order", "order"],
      ["invoice", "invoice"],
    ];
    for (const line of demo.lines) {
      for (const [field, type] of refs) {
        if (line[field] !== undefined)
          expect(seen.has(`${type}:${line[field]}`), `${line.id}.${field}`).toBe(true);
      }
      seen.add(`${line.type}:${line.id}`);
    }
  });

  it("pays no invoice before it is issued and never more than it asks", () => {
    const invoices = new Map(demo.lines.filter((l) => l.type === "invoice").map((l) => [l.id, l]));
    const paid = new Map<unknown, number>();
    for (const p of demo.lines.filter((l) => l.type === "payment")) {
      const invoice = invoices.get(p.invoice as string) as Line;
      expect(instant(p.at as string)).toBeGreaterThanOrEqual(instant(invoice.at as string));
      paid.set(p.invoice, (paid.get(p.invoice) ?? 0) + Math.round((p.amount as number) * 100));
    }
    for (const [id, cents] of paid) {
      expect(cents).toBeLessThanOrEqual(
        Math.round(((invoices.get(id as string) as Line).amount as number) * 100),
      );
    }
  });

  it("discloses the plastic-sole risk on the sandals, acknowledged by the customer", () => {
    const sandals = demo.lines.find((l) => l.type === "order" && l.customer === "c-fabre") as Line;
    expect(sandals.disclosures).toEqual([
      {
        code: "plastic_sole",
        text: "Semelle en plastique : la réparation restera visible",
        acknowledged_at: expect.stringMatching(DATE_TIME),
      },
    ]);
  });

  it("has about forty customers, three of them prospects", () => {
    const customers = demo.lines.filter((l) => l.type === "customer");
    expect(customers.length).toBeGreaterThanOrEqual(38);
    expect(customers.length).toBeLessThanOrEqual(42);
    expect(customers.filter((c) => c.status === "prospect").map((c) => c.id)).toHaveLength(3);
  });
});

describe("buildDemoLedger: determinism", () => {
  it("returns identical output for the same day", () => {
    expect(buildDemoLedger(TODAY)).toEqual(buildDemoLedger(TODAY));
  });

  it.each([
    ["a week later", 7],
    ["across a new year", 45],
    ["into summer time", 200],
  ])("moves every date by the same number of days when loaded %s", (_, shift) => {
    const later = buildDemoLedger(demoClock(TODAY).date(shift));
    expect(later.lines).toHaveLength(demo.lines.length);
    const shiftDate = (value: string) =>
      demoClock(value.slice(0, 10)).date(shift) + value.slice(10, 16);
    for (const [i, line] of demo.lines.entries()) {
      const moved = later.lines[i];
      expect(moved.id).toBe(line.id);
      for (const key of ["at", "due", "delivered", "first_response", "resolved"]) {
        if (line[key] === undefined) continue;
        // Same wall-clock time; only the offset may change with summer time.
        expect((moved[key] as string).slice(0, 16), `${line.id}.${key}`).toBe(
          shiftDate(line[key] as string),
        );
      }
    }
  });

  it("rejects a today that is not a calendar date", () => {
    expect(() => buildDemoLedger("2026-02-30")).toThrow(/today/);
    expect(() => buildDemoLedger("22/11/2026")).toThrow(/today/);
  });
});
