/**
 * Customer-value models (issue 6): BG/NBD purchase frequency (Fader, Hardie & Lee 2005),
 * Gamma-Gamma spend (Fader & Hardie 2013), CLV and net value. Pure: see docs/clv.md.
 */
export { type BgNbdParams, bgNbdLikelihood, bgNbdLogLikelihood } from "./bg-nbd-likelihood.ts";
export { conditionalExpectedPurchases, expectedPurchases, pAlive } from "./bg-nbd-predictions.ts";
export {
  ClvInputError,
  ClvInsufficientDataError,
  ClvNumericalError,
  type InsufficientDataReason,
} from "./clv-errors.ts";
export { conditionalExpectedSpend } from "./conditional-expected-spend.ts";
export {
  type ClvOptions,
  type CustomerHistory,
  type CustomerValue,
  customerLifetimeValue,
  type NetValueInput,
  netValue,
  WEEKS_PER_MONTH,
} from "./customer-lifetime-value.ts";
export { type BgNbdFit, fitBgNbd } from "./fit-bg-nbd.ts";
export {
  fitGammaGamma,
  type GammaGammaFit,
  type GammaGammaParams,
  gammaGammaLogLikelihood,
  type SpendRow,
} from "./fit-gamma-gamma.ts";
export { type CompressedRows, compressRows, type FrequencyRow } from "./frequency-rows.ts";
export { simulateBgNbd } from "./simulate-bg-nbd.ts";
export {
  type CustomerSummary,
  summarizeTransactions,
  type Transaction,
  utcDay,
} from "./summarize-transactions.ts";
