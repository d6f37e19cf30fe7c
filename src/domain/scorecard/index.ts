/** The explainable scorecard (spec sections 3 and 4) and the portfolio view (section 5). */
export {
  type Assessment,
  assessCustomer,
  CUSTOMER_RULES,
  type ScoringContext,
} from "./assess-customer.ts";
export { finalizeScorecard, finalSegment, type Scorecard } from "./finalize-scorecard.ts";
export { segmentLabel, signalLabel } from "./labels.ts";
export type { Lang } from "./message-format.ts";
export { pickSegment } from "./pick-segment.ts";
export {
  customersAtPercentile,
  type Portfolio,
  portfolio,
  type WhalePoint,
  whaleCurve,
} from "./portfolio.ts";
export { type PortfolioTotals, portfolioTotals, RevenueRanking } from "./portfolio-totals.ts";
export { RULES } from "./scoring-rules.ts";
export { inWindow, type ScoringWindow, scoringWindow } from "./scoring-window.ts";
export { SEGMENTS, type Segment } from "./segments.ts";
export {
  isNegativeSignal,
  isPositiveSignal,
  isRiskSignal,
  SIGNAL_CODES,
  SIGNAL_KINDS,
  type Signal,
  type SignalCode,
  type SignalKind,
  signalKind,
} from "./signal-codes.ts";
