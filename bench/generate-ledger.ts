/**
 * A deterministic synthetic ledger for benchmarks: `customers` customers and about 13.5 facts
 * each (1.35 million facts for 100,000 customers), every fact type represented, dates spread
 * over the three years before `asOf`. Same arguments, same bytes. With `edits`, corrections
 * and redos are added after each customer's facts (bench/ledger-edits.ts), drawn from a
 * random stream of their own: the facts without edits stay the same.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { customerEdits, type Line } from "./ledger-edits.ts";

/** Mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface GenerateOptions {
  customers: number;
  asOf: string;
  seed?: number;
  /** Add corrections (spec section 1) and free redos (docs/intake.md) to cross-check them. */
  edits?: boolean;
}

/** Yields the lines (JSON objects) of the ledger, customer by customer. */
export function* generateLedger(options: GenerateOptions): Generator<Line> {
  if (!options.edits) {
    yield* baseLedger(options);
    return;
  }
  const rnd = prng((options.seed ?? 42) ^ 0x5eed_ed17);
  const end = Date.parse(`${options.asOf}T12:00:00Z`);
  let lines: Line[] = [];
  for (const line of baseLedger(options)) {
    if (line.type === "customer" && lines.length > 0) {
      yield* lines;
      yield* customerEdits(lines, rnd, end);
      lines = [];
    }
    lines.push(line);
  }
  yield* lines;
  yield* customerEdits(lines, rnd, end);
}

function* baseLedger({ customers, asOf, seed = 42 }: GenerateOptions): Generator<Line> {
  const rnd = prng(seed);
  const end = Date.parse(`${asOf}T12:00:00Z`);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const activities = ["work", "chasing", "revision", "complaint", "negotiation", "admin"] as const;
  for (let c = 0; c < customers; c++) {
    const cid = `c${c}`;
    const since = end - Math.floor(rnd() * 3 * 365) * DAY;
    yield {
      type: "customer",
      id: cid,
      at: day(since),
      name: `Client ${c}`,
      status: rnd() < 0.03 ? "prospect" : "active",
    };
    const orders = 1 + Math.floor(rnd() * 5.1); // 1..6, mean 3.05: about 13.5 facts a customer
    for (let o = 0; o < orders; o++) {
      const oid = `${cid}-o${o}`;
      const at = since + Math.floor(rnd() * ((end - since) / DAY + 1)) * DAY;
      const list = 20 + Math.floor(rnd() * 400);
      const discount = rnd() < 0.2 ? 0.05 + rnd() * 0.25 : 0;
      const price = Math.round(list * (1 - discount) * 100) / 100;
      const warranty = pick([30, 30, 90, 365]);
      yield {
        type: "order",
        id: oid,
        customer: cid,
        at: day(at),
        price,
        list_price: list,
        cost: Math.round(list * rnd() * 30) / 100,
        warranty_days: warranty,
        delivered: `${day(at + 7 * DAY)}T10:00:00+01:00`,
      };
      yield {
        type: "time",
        id: `${oid}-t`,
        customer: cid,
        order: oid,
        at: day(at),
        minutes: 15 + Math.floor(rnd() * 120),
        activity: pick(activities),
      };
      if (rnd() < 0.8) {
        const due = at + 30 * DAY;
        yield {
          type: "invoice",
          id: `${oid}-i`,
          customer: cid,
          order: oid,
          at: day(at),
          amount: price,
          due: day(due),
        };
        const r = rnd();
        if (r < 0.85) {
          const lateness = rnd() < 0.2 ? Math.floor(rnd() * 40) : -Math.floor(rnd() * 20);
          const paidAt = Math.min(end, due + lateness * DAY);
          yield {
            type: "payment",
            id: `${oid}-p`,
            customer: cid,
            invoice: `${oid}-i`,
            at: day(paidAt),
            amount: price,
          };
        } else if (r < 0.93) {
          yield {
            type: "reminder",
            id: `${oid}-r`,
            customer: cid,
            invoice: `${oid}-i`,
            at: day(due + 15 * DAY),
            level: 1 + Math.floor(rnd() * 3),
          };
        }
      }
      if (rnd() < 0.08) {
        const rounds = 1 + Math.floor(rnd() * 4);
        for (let v = 0; v < rounds; v++) {
          yield {
            type: "revision",
            id: `${oid}-v${v}`,
            customer: cid,
            order: oid,
            at: day(at + (2 + v) * DAY),
          };
        }
      }
      if (rnd() < 0.08) {
        const deliveredAt = at + 7 * DAY;
        // Half of the returns come in the last days of the warranty.
        const offset =
          rnd() < 0.5 ? warranty - Math.floor(rnd() * 6) : Math.floor(rnd() * warranty);
        yield {
          type: "return",
          id: `${oid}-x`,
          customer: cid,
          order: oid,
          at: day(deliveredAt + offset * DAY),
          kind: pick(["exchange", "refund", "repair"] as const),
        };
      }
      if (rnd() < (c % 50 === 1 ? 0.9 : 0.05)) {
        yield {
          type: "complaint",
          id: `${oid}-k`,
          customer: cid,
          order: oid,
          at: day(at + 10 * DAY),
          fault:
            c % 50 === 1
              ? "customer"
              : pick(["ours", "customer", "material", "shared", "unknown"] as const),
          remedy: "discount",
          remedy_amount: Math.round(price * 10) / 100,
        };
      }
    }
    if (rnd() < 0.06) {
      const chases = 1 + Math.floor(rnd() * 4);
      for (let h = 0; h < chases; h++)
        yield {
          type: "chase",
          id: `${cid}-h${h}`,
          customer: cid,
          at: day(end - Math.floor(rnd() * 300) * DAY),
        };
    }
    if (c === 0) {
      // One whale, so that concentration occurs at any size.
      yield {
        type: "order",
        id: `${cid}-whale`,
        customer: cid,
        at: day(end - 30 * DAY),
        price: customers * 400,
        list_price: customers * 400,
      };
    }
    if (rnd() < 0.02)
      yield {
        type: "incident",
        id: `${cid}-n`,
        customer: cid,
        at: day(end - Math.floor(rnd() * 300) * DAY),
        severity: 1 + Math.floor(rnd() * 3),
      };
    if (rnd() < 0.3)
      yield {
        type: "feedback",
        id: `${cid}-f`,
        customer: cid,
        source: "customer",
        at: day(end - Math.floor(rnd() * 300) * DAY),
        score: Math.floor(rnd() * 11),
      };
  }
}

/** Writes the ledger as JSONL; returns the number of lines. */
export async function writeLedger(path: string, options: GenerateOptions): Promise<number> {
  const out = createWriteStream(path);
  let n = 0;
  let buffer = "";
  for (const line of generateLedger(options)) {
    buffer += `${JSON.stringify(line)}\n`;
    n++;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
  return n;
}
