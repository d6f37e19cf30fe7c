/**
 * A second synthetic ledger, written independently of generate-ledger.ts so that the command
 * bench (commands-bench.ts) does not only measure the shapes one generator happens to make:
 * - the facts come in date order (month by month, customers interleaved), not customer by
 *   customer, and ids are zero-padded (`K0004711`, `K0004711/3`);
 * - instants are date-times with offsets (`+02:00`, `-05:00`, `Z`) as often as bare dates;
 * - a share of the customers are prospects without orders (some with feedback, some that
 *   become active later through a correction);
 * - corrections (spec section 1: renames, order prices, complaint faults, feedback scores,
 *   incident severities, a correction of a correction), free redos (a complaint with
 *   `remedy: "redo"`, the zero-price order with `redo_of`, the time spent on it);
 * - deposit and final invoices, payments in two parts, credit notes (a partial remedy, a whole
 *   invoice cancelled), reminders at levels 1 to 3;
 * - long free texts (order descriptions, complaint and feedback texts, customer notes) with
 *   accents, quotes, semicolons and line breaks, unknown fields, disclosures;
 * - the customers in a French CSV file (`;` separated, quoted multi-line notes), the other
 *   facts in JSONL. customers.jsonl holds the same customers for DuckDB, which reads
 *   `*.jsonl` of the folder.
 * Same arguments, same bytes.
 */
import { once } from "node:events";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";

/** sfc32, seeded through splitmix32 (another family than generate-ledger.ts's mulberry32). */
function sfc32(seed: number): () => number {
  let s = seed >>> 0;
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let [a, b, c, d] = [mix(), mix(), mix(), mix()];
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

type Fact = Record<string, unknown>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSETS = ["+02:00", "-05:00", "Z", "+01:00", "+05:30", "-03:00"] as const;

const WORDS = (
  "reprise du devis client mécontent livraison délai « urgent » façade cuisine peinture " +
  'plomberie "finitions" retouche couleur choisie; échantillon validé acompte reçu chantier ' +
  "relance téléphone rendez-vous annulé matériaux fournisseur garantie décennale 10 % remise " +
  "l'équipe a dû revenir — deux fois — pour l'angle du mur; le client préfère le ton ocre " +
  "emoji 🙂 ok merci beaucoup très satisfait pas du tout satisfait attente réponse devis n°"
).split(" ");

export interface GenerateBOptions {
  customers: number;
  /** YYYY-MM-DD: facts spread over the three years before it, a few after it. */
  asOf: string;
  seed?: number;
}

export interface LedgerBFiles {
  /** What `comptoir import` reads: customers.csv, then facts.jsonl. */
  importFiles: string[];
  /** What DuckDB reads (customers.jsonl and facts.jsonl, in that order). */
  duckdbGlob: string;
  facts: number;
}

/** Writes the ledger into `dir` (created); returns its files and the number of facts. */
export async function writeLedgerB(dir: string, options: GenerateBOptions): Promise<LedgerBFiles> {
  mkdirSync(dir, { recursive: true });
  const end = Date.parse(`${options.asOf}T12:00:00Z`);
  const start = end - 3 * 365 * DAY;
  const months = 40; // 36 before the as-of date and a few after it
  const buckets: string[][] = Array.from({ length: months }, () => []);
  const customers: Fact[] = [];
  const customerFixes: Fact[] = [];
  const rnd = sfc32(options.seed ?? 0xb0b);
  let facts = 0;
  const place = (fact: Fact, t: number) => {
    const m = Math.max(0, Math.min(months - 1, Math.floor((t - start) / (30.5 * DAY))));
    buckets[m].push(JSON.stringify(fact));
    facts++;
  };
  const story = new Story(rnd, end, place);
  for (let n = 0; n < options.customers; n++) {
    const { customer, fixes } = story.customer(n);
    customers.push(customer);
    customerFixes.push(...fixes);
  }
  const all = [...customers, ...customerFixes];
  facts += all.length;
  const csvPath = join(dir, "customers.csv");
  await writeLines(csvPath, customersCsv(all));
  await writeLines(
    join(dir, "customers.jsonl"),
    (function* () {
      for (const c of all) yield `${JSON.stringify(c)}\n`;
    })(),
  );
  const factsPath = join(dir, "facts.jsonl");
  await writeLines(
    factsPath,
    (function* () {
      for (const bucket of buckets) for (const line of bucket) yield `${line}\n`;
    })(),
  );
  return { importFiles: [csvPath, factsPath], duckdbGlob: join(dir, "*.jsonl"), facts };
}

const CSV_COLUMNS = ["id", "at", "name", "kind", "email", "phone", "status", "lang", "corrects"];

function* customersCsv(rows: Fact[]): Generator<string> {
  yield `${[...CSV_COLUMNS, "notes"].join(";")}\n`;
  for (const row of rows) {
    const cells = CSV_COLUMNS.map((k) => (row[k] === undefined ? "" : String(row[k])));
    cells.push(row.notes === undefined ? "" : String(row.notes));
    yield `${cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(";")}\n`;
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out: WriteStream = createWriteStream(path);
  let buffer = "";
  for (const line of lines) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

/** One customer's life, fact by fact; every fact goes to `place` with its instant. */
class Story {
  constructor(
    private readonly rnd: () => number,
    private readonly end: number,
    private readonly place: (fact: Fact, t: number) => void,
  ) {}

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }
  private chance(p: number): boolean {
    return this.rnd() < p;
  }
  private one<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }
  private text(words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(this.one(WORDS));
    if (words > 40) out.splice(Math.floor(words / 2), 0, "\n\n");
    return out.join(" ");
  }
  /** An instant as the ledger writes it: a bare date (UTC midnight) or a date-time with offset. */
  private instant(t: number): { text: string; t: number } {
    if (this.chance(0.4)) {
      const day = Math.floor(t / DAY) * DAY;
      return { text: new Date(day).toISOString().slice(0, 10), t: day };
    }
    const offset = this.one(OFFSETS);
    const minutes =
      offset === "Z"
        ? 0
        : (offset[0] === "-" ? -1 : 1) * (+offset.slice(1, 3) * 60 + +offset.slice(4));
    const local = new Date(t + minutes * 60_000).toISOString().slice(0, 19);
    return { text: `${local}${offset}`, t: Math.floor(t / 1000) * 1000 };
  }
  private money(lo: number, hi: number): number {
    return this.int(lo * 100, hi * 100) / 100;
  }

  customer(n: number): { customer: Fact; fixes: Fact[] } {
    const id = `K${String(n).padStart(7, "0")}`;
    const since = this.end - this.int(0, 3 * 365) * DAY - this.int(0, 23) * HOUR;
    const business = this.chance(0.35);
    const prospect = this.chance(0.12);
    const at = this.instant(since);
    const customer: Fact = {
      type: "customer",
      id,
      at: at.text,
      name: business ? `Société ${n} & fils` : `Prénom Nom-${n}`,
      kind: business ? "business" : "person",
      email: `client.${n}@example.org`,
      ...(this.chance(0.5) ? { phone: `+33 6 ${String(n).padStart(8, "0")}` } : {}),
      ...(prospect ? { status: "prospect" } : {}),
      lang: this.chance(0.8) ? "fr" : "en",
      ...(this.chance(0.2) ? { notes: this.text(this.int(20, 120)) } : {}),
    };
    const fixes: Fact[] = [];
    let activeFrom = since;
    if (prospect) {
      if (this.chance(0.3))
        this.place(
          {
            type: "feedback",
            id: `${id}/pf`,
            source: "prospect",
            customer: id,
            at: this.instant(since + DAY).text,
            score: this.int(0, 10),
            text: this.text(this.int(5, 60)),
          },
          since + DAY,
        );
      if (!this.chance(0.35)) return { customer, fixes };
      // The prospect becomes a customer: a correction of the customer record.
      activeFrom = Math.min(this.end, since + this.int(5, 120) * DAY);
      fixes.push({
        ...customer,
        id: `${id}~active`,
        corrects: id,
        at: this.instant(activeFrom).text,
        status: "active",
      });
    } else if (this.chance(0.03)) {
      fixes.push({
        ...customer,
        id: `${id}~rename`,
        corrects: id,
        at: this.instant(Math.min(this.end, since + 30 * DAY)).text,
        name: `${customer.name} (renommé)`,
      });
    }
    this.orders(id, activeFrom, n);
    this.relationship(id, activeFrom);
    return { customer, fixes };
  }

  private orders(customer: string, since: number, n: number): void {
    // Heavy tail: most customers order once or twice, a few dozens of times.
    const count = this.chance(0.02) ? this.int(10, 30) : this.int(0, 4);
    for (let k = 0; k < count; k++) {
      const t =
        since + this.int(0, Math.max(0, Math.floor((this.end + 60 * DAY - since) / DAY))) * DAY;
      this.order(customer, `${customer}/${k}`, t, n === 7 && k === 0);
    }
  }

  private order(customer: string, id: string, t: number, whale: boolean): void {
    const at = this.instant(t + this.int(8, 18) * HOUR);
    const list = whale ? 5_000_000 : this.money(35, 2500);
    const price = this.chance(0.25) ? Math.round(list * (1 - this.rnd() * 0.35) * 100) / 100 : list;
    const warranty = this.one([0, 30, 90, 180, 365]);
    const delivered = t + this.int(2, 20) * DAY;
    const order: Fact = {
      type: "order",
      id,
      customer,
      at: at.text,
      price,
      list_price: list,
      cost: Math.round(list * this.rnd() * 45) / 100,
      service: this.one(["peinture", "plomberie", "menuiserie", "électricité"]),
      description: this.text(this.chance(0.1) ? this.int(100, 300) : this.int(3, 30)),
      included_revisions: this.int(0, 3),
      warranty_days: warranty,
      due: new Date(t + 30 * DAY).toISOString().slice(0, 10),
      ...(delivered <= this.end ? { delivered: this.instant(delivered).text } : {}),
      ...(this.chance(0.1)
        ? {
            disclosures: [{ code: "withdrawal", text: this.text(15), acknowledged_at: at.text }],
          }
        : {}),
      ...(this.chance(0.2)
        ? { tags: ["import", this.one(["web", "salon", "bouche-à-oreille"])] }
        : {}),
    };
    this.place(order, at.t);
    if (this.chance(0.07)) {
      // The price corrected after a discussion, sometimes twice.
      const fixT = at.t + this.int(1, 20) * DAY;
      const fix = {
        ...order,
        id: `${id}~p1`,
        corrects: id,
        at: this.instant(fixT).text,
        price: Math.round(list * 0.8 * 100) / 100,
      };
      this.place(fix, fixT);
      if (this.chance(0.3))
        this.place(
          {
            ...fix,
            id: `${id}~p2`,
            corrects: fix.id,
            at: this.instant(fixT + DAY).text,
            price: list,
          },
          fixT + DAY,
        );
    }
    for (let w = this.int(1, 3); w > 0; w--) {
      const tt = t + this.int(0, 15) * DAY;
      this.place(
        {
          type: "time",
          id: `${id}/t${w}`,
          customer,
          order: id,
          at: this.instant(tt).text,
          minutes: this.int(5, 240),
          activity: this.one([
            "work",
            "work",
            "work",
            "chasing",
            "revision",
            "admin",
            "negotiation",
          ]),
          staff: this.one(["ana", "bruno", "chloé"]),
        },
        tt,
      );
    }
    this.billing(customer, id, t, price);
    for (let r = this.chance(0.1) ? this.int(1, 5) : 0; r > 0; r--) {
      const tr = t + this.int(1, 25) * DAY;
      this.place(
        {
          type: "revision",
          id: `${id}/v${r}`,
          customer,
          order: id,
          at: this.instant(tr).text,
          text: this.text(8),
        },
        tr,
      );
    }
    if (warranty > 0 && this.chance(0.07)) {
      const start = Math.floor(delivered / DAY) * DAY;
      const back = this.chance(0.5) ? this.int(0, 8) : this.int(0, warranty);
      const tr = start + (warranty - back) * DAY + 10 * HOUR;
      this.place(
        {
          type: "return",
          id: `${id}/x`,
          customer,
          order: id,
          at: this.instant(tr).text,
          kind: this.one(["exchange", "refund", "repair"]),
          ...(this.chance(0.3)
            ? { warranty_end: new Date(start + warranty * DAY).toISOString().slice(0, 10) }
            : {}),
          reason: this.text(12),
        },
        tr,
      );
    }
    if (this.chance(0.06)) this.complaint(customer, id, t, price);
  }

  private billing(customer: string, order: string, t: number, price: number): void {
    if (!this.chance(0.85)) return;
    const invoices: [string, number, number][] = [];
    if (price > 300 && this.chance(0.3)) {
      const deposit = Math.round(price * 30) / 100;
      invoices.push([`${order}/i0`, deposit, t]);
      invoices.push([`${order}/i1`, Math.round((price - deposit) * 100) / 100, t + 20 * DAY]);
    } else invoices.push([`${order}/i1`, price, t + 10 * DAY]);
    for (const [id, amount, ti] of invoices) {
      const due = ti + this.one([0, 15, 30, 45]) * DAY;
      this.place(
        {
          type: "invoice",
          id,
          customer,
          order,
          at: this.instant(ti).text,
          amount,
          due: new Date(due).toISOString().slice(0, 10),
          number: `F-${id}`,
        },
        ti,
      );
      const fate = this.rnd();
      const late = this.chance(0.25) ? this.int(8, 60) : -this.int(0, 10);
      const paidAt = due + late * DAY + 9 * HOUR;
      if (fate < 0.7) {
        this.place(
          {
            type: "payment",
            id: `${id}/p`,
            customer,
            invoice: id,
            at: this.instant(paidAt).text,
            amount,
          },
          paidAt,
        );
      } else if (fate < 0.82) {
        const half = Math.round(amount * 50) / 100;
        const first = Math.max(ti, due - DAY);
        // Now and then a credit note (a remedy) lowers what the second payment has to cover.
        const credit = this.chance(0.2) ? Math.round(amount * 10) / 100 : 0;
        if (credit > 0) {
          const tc = first + 2 * DAY;
          this.place(
            {
              type: "credit_note",
              id: `${id}/a`,
              customer,
              invoice: id,
              at: this.instant(tc).text,
              amount: credit,
              reason: "Geste commercial ; retouche refaite",
            },
            tc,
          );
        }
        this.place(
          {
            type: "payment",
            id: `${id}/p1`,
            customer,
            invoice: id,
            at: this.instant(first).text,
            amount: half,
          },
          first,
        );
        this.place(
          {
            type: "payment",
            id: `${id}/p2`,
            customer,
            invoice: id,
            at: this.instant(paidAt).text,
            amount: Math.round((amount - half - credit) * 100) / 100,
          },
          paidAt,
        );
      } else {
        // Some unpaid invoices are cancelled in the end, by a credit note of their whole amount.
        if (this.chance(0.2)) {
          const tc = due + 40 * DAY;
          this.place(
            {
              type: "credit_note",
              id: `${id}/a`,
              customer,
              invoice: id,
              at: this.instant(tc).text,
              amount,
              reason: "Facture annulée",
            },
            tc,
          );
        }
        for (let level = 1; level <= (fate < 0.94 ? 2 : 3); level++) {
          const tr = due + level * 15 * DAY;
          this.place(
            {
              type: "reminder",
              id: `${id}/r${level}`,
              customer,
              invoice: id,
              at: this.instant(tr).text,
              level,
            },
            tr,
          );
        }
      }
    }
  }

  private complaint(customer: string, order: string, t: number, price: number): void {
    const tc = t + this.int(5, 40) * DAY;
    const at = this.instant(tc);
    const base: Fact = {
      type: "complaint",
      id: `${order}/k`,
      customer,
      order,
      at: at.text,
      text: this.text(this.int(20, 150)),
      first_response: this.instant(tc + this.int(1, 72) * HOUR).text,
    };
    const kind = this.rnd();
    if (kind < 0.3) {
      // Resolved by a free redo of the order.
      const redo = `${order}/redo`;
      this.place(
        {
          ...base,
          fault: this.one(["ours", "material", "customer"]),
          remedy: "redo",
          remedy_amount: 0,
          redo_order: redo,
        },
        at.t,
      );
      this.place(
        { type: "order", id: redo, customer, at: at.text, price: 0, list_price: 0, redo_of: order },
        at.t,
      );
      this.place(
        {
          type: "time",
          id: `${redo}/t`,
          customer,
          order: redo,
          at: at.text,
          minutes: this.int(30, 480),
          activity: "work",
        },
        at.t,
      );
      return;
    }
    const complaint: Fact = {
      ...base,
      fault: this.one(["ours", "customer", "customer", "material", "shared", "unknown"]),
      remedy: this.one(["discount", "refund", "none"]),
      remedy_amount: Math.round(price * this.rnd() * 20) / 100,
      resolved: this.instant(tc + this.int(2, 20) * DAY).text,
    };
    this.place(complaint, at.t);
    if (this.chance(0.25)) {
      const tf = tc + 25 * DAY;
      this.place(
        {
          ...complaint,
          id: `${order}/k~fault`,
          corrects: complaint.id,
          at: this.instant(tf).text,
          fault: complaint.fault === "customer" ? "shared" : "customer",
        },
        tf,
      );
    }
  }

  private relationship(customer: string, since: number): void {
    const span = Math.max(1, Math.floor((this.end - since) / DAY));
    for (let h = this.chance(0.05) ? this.int(1, 5) : 0; h > 0; h--) {
      const th = since + this.int(0, span) * DAY;
      this.place(
        {
          type: "chase",
          id: `${customer}/h${h}`,
          customer,
          at: this.instant(th).text,
          text: this.text(10),
        },
        th,
      );
    }
    for (let a = this.int(0, 2); a > 0; a--) {
      const ta = since + this.int(0, span) * DAY;
      this.place(
        {
          type: "time",
          id: `${customer}/a${a}`,
          customer,
          at: this.instant(ta).text,
          minutes: this.int(5, 60),
          activity: "admin",
        },
        ta,
      );
    }
    if (this.chance(0.025)) {
      const ti = since + this.int(0, span) * DAY;
      const incident = {
        type: "incident",
        id: `${customer}/n`,
        customer,
        at: this.instant(ti).text,
        severity: this.int(1, 3),
        staff: "ana",
        text: this.text(30),
      };
      this.place(incident, ti);
      if (this.chance(0.3))
        this.place(
          {
            ...incident,
            id: `${customer}/n~s`,
            corrects: incident.id,
            at: this.instant(ti + DAY).text,
            severity: this.int(1, 3),
          },
          ti + DAY,
        );
    }
    if (this.chance(0.35)) {
      const tf = since + this.int(0, span) * DAY;
      const feedback = {
        type: "feedback",
        id: `${customer}/f`,
        source: this.chance(0.9) ? "customer" : "churned",
        customer,
        at: this.instant(tf).text,
        score: this.int(0, 10),
        text: this.text(this.chance(0.1) ? this.int(60, 200) : this.int(3, 25)),
        lang: "fr",
      };
      this.place(feedback, tf);
      if (this.chance(0.15))
        this.place(
          {
            ...feedback,
            id: `${customer}/f~s`,
            corrects: feedback.id,
            at: this.instant(tf + 2 * DAY).text,
            score: this.int(0, 10),
          },
          tf + 2 * DAY,
        );
    }
    if (this.chance(0.05)) {
      const ta = since + this.int(0, span) * DAY;
      this.place(
        {
          type: "feedback",
          id: `${customer}/anon`,
          source: "customer",
          at: this.instant(ta).text,
          score: this.int(0, 10),
          text: this.text(40),
        },
        ta,
      );
    }
  }
}
