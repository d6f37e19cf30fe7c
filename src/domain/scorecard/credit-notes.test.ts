/**
 * credit_note (spec section 1): it lowers what an invoice leaves due; it is not revenue and
 * does not lower the margin. unpaid, late_payer and prompt_payer read the balance it leaves.
 */
import { describe, expect, it } from "vitest";
import type { Fact } from "../facts.ts";
import {
  assess,
  at,
  buildCreditNote,
  buildInvoice,
  buildOrder,
  buildPayment,
  buildReminder,
  codes,
} from "./test-factories.ts";

/** Invoices of 100.00 issued on 1 January, due on 10 January (as of 1 March 2026). */
const invoice = () => buildInvoice({ at: at("2026-01-01"), due: at("2026-01-10"), amount: 100_00 });

describe("credit notes", () => {
  it("settle what the payments left open: no longer unpaid, and the balance says so", () => {
    const inv = invoice();
    const open: Fact[] = [
      inv,
      buildPayment({ invoice: inv.id, at: at("2026-01-09"), amount: 70_00 }),
    ];
    expect(codes(assess(open))).toContain("unpaid");
    const credited = [
      ...open,
      buildCreditNote({ invoice: inv.id, at: at("2026-01-20"), amount: 30_00 }),
    ];
    const a = assess(credited);
    expect(codes(a)).not.toContain("unpaid");
    expect(a.outstanding).toBe(0);
    expect(a.outstandingTotal).toBe(0);
  });

  it("leave the rest due when they cover part of it, and stand as evidence of unpaid", () => {
    const inv = invoice();
    const note = buildCreditNote({ invoice: inv.id, at: at("2026-01-20"), amount: 25_00 });
    const a = assess([inv, note]);
    expect(a.outstanding).toBe(75_00);
    const unpaid = a.signals.find((s) => s.code === "unpaid");
    expect(unpaid?.evidence).toEqual([inv.id, note.id]);
    expect(unpaid?.message).toMatch(/75/);
  });

  it("never make a late payer: paid on time for what was owed, the rest credited later", () => {
    const facts = [1, 2].flatMap(() => {
      const inv = invoice();
      return [
        inv,
        buildPayment({ invoice: inv.id, at: at("2026-01-09"), amount: 80_00 }),
        buildCreditNote({ invoice: inv.id, at: at("2026-02-20"), amount: 20_00 }),
      ];
    });
    expect(codes(assess(facts))).not.toContain("late_payer");
  });

  it("still let a late payment count as late", () => {
    const facts = [1, 2].flatMap(() => {
      const inv = invoice();
      return [
        inv,
        buildCreditNote({ invoice: inv.id, at: at("2026-01-05"), amount: 20_00 }),
        buildPayment({ invoice: inv.id, at: at("2026-01-25"), amount: 80_00 }),
      ];
    });
    expect(codes(assess(facts))).toContain("late_payer");
  });

  it("take a cancelled invoice out of late_payer and prompt_payer", () => {
    const onTime = () => {
      const inv = invoice();
      return [inv, buildPayment({ invoice: inv.id, at: at("2026-01-10"), amount: 100_00 })];
    };
    const cancelled = () => {
      const inv = invoice();
      return [inv, buildCreditNote({ invoice: inv.id, at: at("2026-02-25"), amount: 100_00 })];
    };
    // Two paid on time and one cancelled: two judged, not enough for prompt_payer.
    expect(codes(assess([...onTime(), ...onTime(), ...cancelled()]))).not.toContain("prompt_payer");
    expect(codes(assess([...onTime(), ...onTime(), ...onTime(), ...cancelled()]))).toContain(
      "prompt_payer",
    );
    expect(codes(assess([...cancelled(), ...cancelled()]))).not.toContain("late_payer");
  });

  it("lift part_ways after a formal notice once the invoice is settled by a credit note", () => {
    const inv = invoice();
    const notice = buildReminder({ invoice: inv.id, at: at("2026-02-15"), level: 3 });
    expect(codes(assess([inv, notice]))).toContain("unpaid");
    const settled = [inv, notice, buildCreditNote({ invoice: inv.id, at: at("2026-02-20") })];
    expect(codes(assess(settled))).not.toContain("unpaid");
  });

  it("are not revenue and do not lower the margin", () => {
    const order = buildOrder({ at: at("2026-01-01"), price: 100_00 });
    const inv = buildInvoice({ at: at("2026-01-01"), due: at("2026-01-10"), order: order.id });
    const without = assess([order, inv]);
    const withNote = assess([order, inv, buildCreditNote({ invoice: inv.id, amount: 40_00 })]);
    expect(withNote.revenue).toBe(without.revenue);
    expect(withNote.margin).toBe(without.margin);
  });

  it("count only when dated on or before the as-of instant", () => {
    const inv = invoice();
    const later = buildCreditNote({ invoice: inv.id, at: at("2026-03-02"), amount: 100_00 });
    expect(codes(assess([inv, later]))).toContain("unpaid");
  });
});
