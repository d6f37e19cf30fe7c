/**
 * The fixed numbers of the spec's rules (section 3), in one place. Everything the business may
 * change lives in the charter instead; these are the spec's own wording ("at least 3", "two
 * thirds", "more than 30 days").
 */
export const RULES = {
  /** abusive: this many incidents of at least `windowSeverity` in the window. */
  abusive: { windowIncidents: 2, windowSeverity: 2 },
  /** warranty_gaming: returns in the last max(minDays, share x warranty) days before the end. */
  warrantyGaming: { minReturns: 2, minDays: 7, periodShare: 0.1, returnsShare: [2, 3] },
  /** unpaid: a balance still open more than this many days after the due date. */
  unpaid: { graceDays: 30, formalNoticeLevel: 3 },
  /** late_payer: invoices paid in full more than this many days after the due date. */
  latePayer: { minInvoices: 2, graceDays: 7 },
  /** haggler: discounted orders, and their share of the window's orders. */
  haggler: { minOrders: 2, ordersShare: [1, 2] },
  scopeCreep: { minExtraRevisions: 3 },
  missingInputs: { minChases: 3 },
  unfoundedComplaints: { minComplaints: 3 },
  serialReturner: { minReturns: 3, ordersShare: [1, 2] },
  loyal: { minYears: 2, minDistinctYears: 2, minWindowOrders: 3 },
  promptPayer: { minInvoices: 3 },
  feedback: { promoterMin: 9, detractorMax: 6 },
  highValue: { topPct: 10 },
} as const;
