/**
 * Test support for the export: facts that test what an export must keep (offsets, unknown
 * fields, corrections, texts a spreadsheet would run as formulas or a CSV reader would trim),
 * and facts recorded as the app records them (no offset, milliseconds, extra fields).
 */
import { generateLedger } from "../../../bench/generate-ledger.ts";
import type { Fact } from "../../domain/facts.ts";
import type { Store } from "../../store/database.ts";
import { insertFact } from "../../store/fact-repository.ts";

export const INJECTED_PHONE = "+33 6 12 34 56 78";
export const INJECTED_NAME = '=HYPERLINK("x")';

/** Lines of an import file (JSON objects), spec section 1. */
export const TRICKY_LINES: Record<string, unknown>[] = [
  {
    type: "customer",
    id: "x-inject",
    at: "2026-01-05T09:15:00+05:30",
    name: INJECTED_NAME,
    phone: INJECTED_PHONE,
    email: "@contact.example",
    status: "prospect",
    note: "'quoted already",
    formula_quoted: "'=1+1",
    minus: "-5",
    tab: "\tindented",
    cr: "\rcarriage",
    loyalty: { tier: "gold", since: 2021 },
    visits: 12.5,
    customer: "a customer line's own customer field is unknown",
    ["__proto__"]: "kept as a field",
  },
  {
    type: "customer",
    id: "x-inject~1",
    corrects: "x-inject",
    at: "2026-02-01T08:00:00Z",
    name: INJECTED_NAME,
    phone: INJECTED_PHONE,
    status: "active",
  },
  { type: "customer", id: "x-ana", at: "2026-01-02", name: "Ana Lopes ", kind: "person" },
  {
    type: "order",
    id: "x-o1",
    customer: "x-ana",
    at: "2026-01-10T10:30:00-03:00",
    price: 19.99,
    list_price: 24.5,
    cost: 3.07,
    service: "ressemelage",
    description: 'Talon décollé; recollé.\nDeuxième ligne, « guillemets » et "quotes"',
    warranty_days: 30,
    due: "2026-01-20",
    delivered: "2026-01-18T17:45:30.250+01:00",
    disclosures: [
      {
        code: "no-refund",
        text: "Pas de remboursement",
        acknowledged_at: "2026-01-10T10:35:00-03:00",
        signed_by: "Ana",
      },
    ],
  },
  // Two corrections of the same date: the later one in the file wins, and must still win.
  {
    type: "order",
    id: "x-o1~a",
    corrects: "x-o1",
    customer: "x-ana",
    at: "2026-02-01",
    price: 15,
    list_price: 24.5,
  },
  {
    type: "order",
    id: "x-o1~b",
    corrects: "x-o1",
    customer: "x-ana",
    at: "2026-02-01",
    price: 12,
    list_price: 24.5,
  },
  {
    type: "invoice",
    id: "x-i1",
    customer: "x-ana",
    order: "x-o1",
    at: "2026-01-18",
    amount: 12,
    due: "2026-02-17T23:59:59+01:00",
    number: "F-2026-0001",
  },
  { type: "payment", id: "x-p1", customer: "x-ana", invoice: "x-i1", at: "2026-02-20", amount: 7 },
  {
    type: "complaint",
    id: "x-k1",
    customer: "x-ana",
    order: "x-o1",
    at: "2026-02-02",
    text: "  espaces autour  ",
    fault: "ours",
    remedy: "discount",
    remedy_amount: 0.5,
    first_response: "2026-02-02T18:00:00+01:00",
  },
  { type: "feedback", id: "x-f1", source: "prospect", at: "2026-02-03", score: 4, text: "@moi" },
];

/** Facts as the app records them: instants to the millisecond without offset, extra fields. */
export const APP_FACTS: Fact[] = [
  {
    type: "time",
    id: "x-t1",
    customer: "x-ana",
    at: Date.UTC(2026, 1, 3, 13, 45, 12, 345),
    minutes: 25,
    activity: "work",
    extra: { intake_order: "io-1" },
  },
  {
    type: "chase",
    id: "x-h1",
    customer: "x-ana",
    at: Date.UTC(2026, 1, 4, 0, 0, 0, 0),
    text: "Relance",
  },
];

/** A generated ledger with corrections (bench/ledger-edits.ts), as JSON lines. */
export function generatedLines(customers = 25): string {
  let text = "";
  for (const line of generateLedger({ customers, asOf: "2026-06-30", edits: true })) {
    text += `${JSON.stringify(line)}\n`;
  }
  return text;
}

export function trickyLines(): string {
  return `${TRICKY_LINES.map((l) => JSON.stringify(l)).join("\n")}\n`;
}

export async function insertAppFacts(store: Store, orgId: string): Promise<void> {
  for (const fact of APP_FACTS) await insertFact(store, orgId, fact);
}
