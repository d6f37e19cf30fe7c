/**
 * Parsers for the CDNOW reference files (../shared/data/cdnow, see its README), shared by
 * the tests and bench/clv-bench.ts. Pure: the caller reads the text.
 */
import type { Transaction } from "./summarize-transactions.ts";

export const CDNOW_CALIBRATION_END = Date.UTC(1997, 8, 30);
export const CDNOW_HOLDOUT_END = Date.UTC(1998, 5, 30);

/** A CDNOW purchase; `sampleId` (the ID of the summary files) only in CDNOW_sample.txt. */
export interface CdnowTransaction extends Transaction {
  sampleId?: string;
}

const dayOf = (yyyymmdd: string) =>
  Date.UTC(
    Number(yyyymmdd.slice(0, 4)),
    Number(yyyymmdd.slice(4, 6)) - 1,
    Number(yyyymmdd.slice(6, 8)),
  );

/**
 * CDNOW_master.txt (`customer_id date number_of_cds dollar_value`, one header line) or
 * CDNOW_sample.txt (`customer_id sample_id date number_of_cds dollar_value`, no header).
 */
export function parseCdnowTransactions(text: string): CdnowTransaction[] {
  const tx: CdnowTransaction[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.trim().split(/\s+/);
    if (cells.length < 4 || !/^\d+$/.test(cells[0])) continue;
    if (cells.length >= 5) {
      tx.push({
        customer: cells[0],
        sampleId: cells[1],
        at: dayOf(cells[2]),
        amount: Number(cells[4]),
      });
    } else {
      tx.push({ customer: cells[0], at: dayOf(cells[1]), amount: Number(cells[3]) });
    }
  }
  return tx;
}

export interface CdnowSummaryRow {
  id: string;
  x: number;
  t_x: number;
  T: number;
  zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv: `ID,x,t_x,T,zbar`. */
export function parseCdnowSummary(text: string): CdnowSummaryRow[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [id, x, t_x, T, zbar] = line.split(",");
      return { id, x: Number(x), t_x: Number(t_x), T: Number(T), zbar: Number(zbar) };
    });
}
