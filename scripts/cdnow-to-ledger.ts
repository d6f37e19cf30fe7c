/**
 * Converts a CDNOW transaction file (CDNOW_sample.txt or CDNOW_master.txt, see
 * ../shared/data/cdnow/README.md) into a Comptoir JSONL ledger: one `customer` fact per
 * customer, dated on the first purchase, and one `order` per transaction (price = the dollar
 * value), ready for `comptoir import`. docs/clv.md shows how to reproduce the paper with it.
 *
 *   node bin/run-ts.js scripts/cdnow-to-ledger.ts ../shared/data/cdnow/CDNOW_sample.txt > cdnow.jsonl
 *   node bin/run-ts.js scripts/cdnow-to-ledger.ts CDNOW_master.txt cdnow-master.jsonl
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type CdnowTransaction, parseCdnowTransactions } from "../src/domain/clv/cdnow-fixture.ts";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The ledger lines for CDNOW transactions, customers first. Customer ids are CDNOW's
 * (`00001`…), order ids `<customer>-<n>` in file order, so a rerun imports nothing new.
 */
export function cdnowLedgerLines(tx: readonly CdnowTransaction[]): string[] {
  const first = new Map<string, number>();
  for (const t of tx) first.set(t.customer, Math.min(first.get(t.customer) ?? t.at, t.at));
  const lines = [...first].map(([id, at]) =>
    JSON.stringify({ type: "customer", id, at: day(at), name: `CDNOW ${id}` }),
  );
  const count = new Map<string, number>();
  for (const t of tx) {
    const n = (count.get(t.customer) ?? 0) + 1;
    count.set(t.customer, n);
    lines.push(
      JSON.stringify({
        type: "order",
        id: `${t.customer}-${n}`,
        customer: t.customer,
        at: day(t.at),
        price: t.amount,
      }),
    );
  }
  return lines;
}

// Run as a script: `node bin/run-ts.js scripts/cdnow-to-ledger.ts <input> [output]`.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [input, output] = process.argv.slice(2);
  if (!input) {
    console.error(
      "usage: node bin/run-ts.js scripts/cdnow-to-ledger.ts <CDNOW_sample.txt|CDNOW_master.txt> [out.jsonl]",
    );
    process.exit(2);
  }
  const tx = parseCdnowTransactions(readFileSync(input, "utf8"));
  if (tx.length === 0) {
    console.error(
      `${input}: no CDNOW transaction found (expected CDNOW_sample.txt or CDNOW_master.txt)`,
    );
    process.exit(1);
  }
  const text = `${cdnowLedgerLines(tx).join("\n")}\n`;
  if (output) writeFileSync(output, text);
  else process.stdout.write(text);
  console.error(`${new Set(tx.map((t) => t.customer)).size} customers, ${tx.length} orders`);
}
