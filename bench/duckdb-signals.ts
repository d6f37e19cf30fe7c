/**
 * The reference for the scorecard bench and its test: DuckDB computes, straight from the JSONL
 * file and following the spec (/work/shared/spec/ledger.md sections 1, 3 and 4) and the
 * extensions docs/scoring.md documents, each customer's signals and segment. Corrections are
 * applied first (section 1: the latest correction known at the as-of date replaces the
 * original, under its id; a chain goes back to the original). The bench times it and counts;
 * bench/duckdb-signals.test.ts compares every customer with Comptoir's scorecards.
 */
import { DuckDBInstance } from "@duckdb/node-api";

export const COLUMNS = {
  type: "VARCHAR",
  id: "VARCHAR",
  at: "VARCHAR",
  customer: "VARCHAR",
  name: "VARCHAR",
  status: "VARCHAR",
  price: "DECIMAL(18,2)",
  list_price: "DECIMAL(18,2)",
  cost: "DECIMAL(18,2)",
  warranty_days: "INTEGER",
  included_revisions: "INTEGER",
  delivered: "VARCHAR",
  order: "VARCHAR",
  minutes: "DOUBLE",
  activity: "VARCHAR",
  amount: "DECIMAL(18,2)",
  due: "VARCHAR",
  invoice: "VARCHAR",
  level: "INTEGER",
  kind: "VARCHAR",
  warranty_end: "VARCHAR",
  fault: "VARCHAR",
  remedy: "VARCHAR",
  remedy_amount: "DECIMAL(18,2)",
  severity: "INTEGER",
  score: "INTEGER",
  source: "VARCHAR",
  corrects: "VARCHAR",
  // Unknown fields of the spec that scoring reads (docs/intake.md): free redos.
  redo_of: "VARCHAR",
  redo_order: "VARCHAR",
};

/** One customer as DuckDB scores it: signal codes (sorted) and segment (null for a prospect). */
export interface ReferenceCard {
  signals: string[];
  segment: string | null;
}

/** Every customer's signals and segment as of `asOf` (YYYY-MM-DD, end of day UTC). */
export async function duckdbScorecards(
  file: string,
  asOf: string,
  charter = DEFAULTS,
): Promise<Map<string, ReferenceCard>> {
  const rows = await runReference(file, asOf, charter, (cards) => cards);
  const out = new Map<string, ReferenceCard>();
  for (const row of rows as { customer: string; codes: string[] | null; segment: string | null }[])
    out.set(row.customer, { signals: [...(row.codes ?? [])].sort(), segment: row.segment });
  return out;
}

/** How many customers have each signal (what the bench times and compares). */
export async function duckdbSignalCounts(
  file: string,
  asOf: string,
  charter = DEFAULTS,
): Promise<Record<string, number>> {
  const rows = await runReference(
    file,
    asOf,
    charter,
    (cards) =>
      `SELECT u.code, count(*)::INTEGER AS n FROM (${cards}) c, unnest(c.codes) AS u(code) GROUP BY u.code`,
  );
  const counts: Record<string, number> = {};
  for (const row of rows as { code: string; n: number }[]) counts[row.code] = Number(row.n);
  return counts;
}

/** Loads the file, applies the corrections known at `asOf`, runs `query` over the cards' SQL. */
async function runReference(
  file: string,
  asOf: string,
  charter: typeof DEFAULTS,
  query: (cards: string) => string,
): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    const cols = Object.entries(COLUMNS)
      .map(([k, v]) => `'${k}': '${v}'`)
      .join(", ");
    const A = `TIMESTAMPTZ '${asOf} 23:59:59.999+00'`;
    const W = `(${A} - INTERVAL ${charter.window_months} MONTH)`;
    await c.run("SET TimeZone = 'UTC'");
    // rn: the line's place in the file, the last tie-break between corrections (as the
    // store's order of arrival is).
    await c.run(
      `CREATE TABLE raw AS SELECT *, CAST("at" AS TIMESTAMPTZ) AS t, row_number() OVER () AS rn FROM read_json('${file}', format='newline_delimited', columns={${cols}})`,
    );
    await c.run(`DELETE FROM raw WHERE t > ${A}`);
    await c.run(`CREATE TABLE f AS ${correctionsSql()}`);
    const reader = await c.runAndReadAll(query(signalSql(A, W, charter)));
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/**
 * The facts known at the as-of date (table raw, later ones deleted) with corrections applied:
 * each correction is followed back to its original (same type); the latest (by date, then
 * depth in its chain, then file order) replaces the original's content under the original's
 * id. A correction whose original is unknown stands as a fact of its own. Two NOT EXISTS
 * rather than one with `a.id = raw.id OR a.root = raw.id`: DuckDB 1.5 runs the OR as a nested
 * loop, 38 s instead of 3 s for 1.5 million facts with 50,000 corrections.
 */
export function correctionsSql(): string {
  return `
WITH RECURSIVE corr AS (SELECT type, id, corrects, t, rn FROM raw WHERE coalesce(corrects, '') <> ''),
chain AS (SELECT type, id, corrects AS cur, 0 AS depth FROM corr
  UNION ALL SELECT ch.type, ch.id, c.corrects, ch.depth + 1 FROM chain ch JOIN corr c ON c.type = ch.type AND c.id = ch.cur WHERE ch.depth < 100),
rooted AS (SELECT ch.type, ch.id, ch.cur AS root, ch.depth FROM chain ch
  WHERE NOT EXISTS (SELECT 1 FROM corr c WHERE c.type = ch.type AND c.id = ch.cur)),
originals AS (SELECT type, id FROM raw WHERE coalesce(corrects, '') = ''),
applied AS (SELECT r.type, r.id, r.root, c.t, r.depth, c.rn FROM rooted r JOIN corr c USING (type, id)
  JOIN originals o ON o.type = r.type AND o.id = r.root),
winner AS (SELECT * FROM applied QUALIFY row_number() OVER (PARTITION BY type, root ORDER BY t DESC, depth DESC, rn DESC) = 1)
SELECT * FROM raw WHERE NOT EXISTS (SELECT 1 FROM applied a WHERE a.type = raw.type AND a.id = raw.id)
  AND NOT EXISTS (SELECT 1 FROM applied a WHERE a.type = raw.type AND a.root = raw.id)
UNION ALL BY NAME
SELECT raw.* REPLACE (w.root AS id, NULL AS corrects) FROM raw JOIN winner w ON w.type = raw.type AND w.id = raw.id`;
}

const DEFAULTS = {
  hour_cost: 40,
  max_discount_pct: 10,
  min_margin_pct: 15,
  max_revenue_share_pct: 25,
  included_revisions: 2,
  warranty_days: 30,
  zero_tolerance_severity: 3,
  window_months: 12,
};

/**
 * Each customer's signal codes and segment as SQL, over the table f (facts known at the
 * as-of date, corrections applied). Free redos (orders with `redo_of`) are not sales and the
 * labour on the redo of a complaint that was not the customer's fault is added back before
 * `unprofitable` judges, as docs/scoring.md documents (the spec is silent on redos). Money
 * stays in DECIMAL throughout: labour computed in DOUBLE once made a margin of exactly 15 %
 * (18.60 on 124.00, 111 minutes at 40) read as 18.5999... and flagged a customer the rule
 * spares. Prospects lose their signals in the aggregate of `cards`, not in its join: a join
 * condition on the customers' side alone (`AND c.status <> 'prospect'`) made DuckDB 1.5 join
 * every customer with every signal, 26 s instead of 1.8 s for 100,000 customers.
 */
export function signalSql(A: string, W: string, ch: typeof DEFAULTS): string {
  const inW = (col = "t") => `(${col} > ${W} AND ${col} <= ${A})`;
  const day = (x: string) => `floor(epoch_ms(${x}) / 86400000)`;
  return `
WITH cust AS (SELECT id AS customer, t AS since, coalesce(status, 'active') AS status FROM f WHERE type = 'customer'),
active AS (SELECT customer, since FROM cust WHERE status <> 'prospect'),
orders AS (SELECT * FROM f WHERE type = 'order'),
sales AS (SELECT * FROM orders WHERE redo_of IS NULL),
win_orders AS (SELECT customer, count(*) AS n, sum(price) AS revenue, sum(coalesce(cost, 0)) AS cost,
  count(*) FILTER (WHERE list_price > 0 AND (list_price - price) * 100 > ${ch.max_discount_pct} * list_price) AS haggled
  FROM sales WHERE ${inW()} GROUP BY customer),
our_redos AS (SELECT DISTINCT customer, redo_order FROM f WHERE type = 'complaint' AND fault IS NOT NULL AND fault <> 'customer' AND redo_order IS NOT NULL),
redo_minutes AS (SELECT x.customer, sum(x.minutes) AS m FROM f x JOIN our_redos r ON r.customer = x.customer AND r.redo_order = x."order"
  WHERE x.type = 'time' AND ${inW("x.t")} GROUP BY x.customer),
minutes AS (SELECT customer, sum(minutes) AS m FROM f WHERE type = 'time' AND ${inW()} GROUP BY customer),
remedies AS (SELECT customer, sum(coalesce(remedy_amount, 0)) AS r,
  sum(coalesce(remedy_amount, 0)) FILTER (WHERE fault IS DISTINCT FROM 'customer') AS not_theirs
  FROM f WHERE type = 'complaint' AND ${inW()} GROUP BY customer),
money AS (SELECT a.customer, coalesce(o.revenue, 0) AS revenue,
  coalesce(o.revenue, 0) - coalesce(o.cost, 0) - CAST(round(coalesce(m.m, 0) * ${ch.hour_cost} / 60, 2) AS DECIMAL(18,2)) - coalesce(r.r, 0) AS margin,
  coalesce(r.not_theirs, 0) + CAST(round(coalesce(rm.m, 0) * ${ch.hour_cost} / 60, 2) AS DECIMAL(18,2)) AS not_theirs,
  coalesce(o.n, 0) AS n, coalesce(o.haggled, 0) AS haggled
  FROM active a LEFT JOIN win_orders o USING (customer) LEFT JOIN minutes m USING (customer) LEFT JOIN remedies r USING (customer)
  LEFT JOIN redo_minutes rm USING (customer)),
pay AS (SELECT invoice, t, amount, sum(amount) OVER (PARTITION BY invoice ORDER BY t, id ROWS UNBOUNDED PRECEDING) AS cum
  FROM f WHERE type = 'payment'),
credits AS (SELECT invoice, sum(amount) AS credited FROM f WHERE type = 'credit_note' GROUP BY invoice),
owing AS (SELECT i.id, i.customer, i.t, i.due, i.amount, i.amount - coalesce(c.credited, 0) AS owed,
  i.amount > 0 AND coalesce(c.credited, 0) >= i.amount AS cancelled
  FROM f i LEFT JOIN credits c ON c.invoice = i.id WHERE i.type = 'invoice'),
inv AS (SELECT i.id, i.customer, i.t, CAST(i.due AS TIMESTAMPTZ) AS due, i.amount, i.owed, i.cancelled,
  coalesce((SELECT sum(p.amount) FROM pay p WHERE p.invoice = i.id), 0) AS paid,
  CASE WHEN i.owed <= 0 THEN i.t ELSE (SELECT min(p.t) FROM pay p WHERE p.invoice = i.id AND p.cum >= i.owed) END AS paid_at
  FROM owing i),
ret AS (SELECT r.customer, r.t, o.id AS oid, CAST(r.warranty_end AS TIMESTAMPTZ) AS own_end,
  coalesce(CAST(o.delivered AS TIMESTAMPTZ), o.t) AS start, coalesce(o.warranty_days, ${ch.warranty_days}) AS days
  FROM f r LEFT JOIN orders o ON o.id = r."order" WHERE r.type = 'return'),
clock AS (SELECT customer, t,
  CASE WHEN own_end IS NOT NULL THEN ${day("own_end")} WHEN start IS NOT NULL THEN ${day("start + to_days(days)")} END AS end_day,
  CASE WHEN own_end IS NOT NULL AND start IS NOT NULL THEN greatest(0, ${day("own_end")} - ${day("start")}) ELSE days END AS period
  FROM ret),
late_returns AS (SELECT customer, count(*) FILTER (WHERE end_day IS NOT NULL AND end_day - ${day("t")} >= 0
  AND end_day - ${day("t")} < greatest(7, 0.1 * period)) AS late, count(*) AS total FROM clock GROUP BY customer),
fb AS (SELECT customer, score, row_number() OVER (PARTITION BY customer ORDER BY t DESC, id DESC) AS rk
  FROM f WHERE type = 'feedback' AND score IS NOT NULL AND customer IS NOT NULL),
revs AS (SELECT v.customer, v.t, coalesce(o.included_revisions, ${ch.included_revisions}) AS included,
  row_number() OVER (PARTITION BY v."order" ORDER BY v.t, v.id) AS round FROM f v LEFT JOIN orders o ON o.id = v."order" WHERE v.type = 'revision'),
total AS (SELECT sum(revenue) AS revenue, count(*) AS customers FROM money),
threshold AS (SELECT money.revenue AS th FROM money ORDER BY money.revenue DESC LIMIT 1 OFFSET (SELECT greatest(1, floor(customers / 10)) - 1 FROM total)),
signals AS (
  SELECT customer, 'abusive' AS code FROM f WHERE type = 'incident' GROUP BY customer
    HAVING max(severity) >= ${ch.zero_tolerance_severity} OR count(*) FILTER (WHERE severity >= 2 AND ${inW()}) >= 2
  UNION ALL SELECT customer, 'warranty_gaming' FROM late_returns WHERE late >= 2 AND 3 * late >= 2 * total
  UNION ALL SELECT DISTINCT customer, 'unpaid' FROM inv WHERE owed - paid > 0 AND ${day(A)} - ${day("due")} > 30
  UNION ALL SELECT customer, 'late_payer' FROM inv WHERE NOT cancelled AND ${inW()} AND paid_at IS NOT NULL AND ${day("paid_at")} - ${day("due")} > 7 GROUP BY customer HAVING count(*) >= 2
  UNION ALL SELECT customer, 'haggler' FROM money WHERE haggled >= 2 AND 2 * haggled >= n
  UNION ALL SELECT customer, 'unprofitable' FROM money WHERE (margin + not_theirs) * 100 < ${ch.min_margin_pct} * revenue
  UNION ALL SELECT customer, 'scope_creep' FROM revs WHERE round > included AND ${inW()} GROUP BY customer HAVING count(*) >= 3
  UNION ALL SELECT customer, 'missing_inputs' FROM f WHERE type = 'chase' AND ${inW()} GROUP BY customer HAVING count(*) >= 3
  UNION ALL SELECT customer, 'unfounded_complaints' FROM f WHERE type = 'complaint' AND fault = 'customer' AND ${inW()} GROUP BY customer HAVING count(*) >= 3
  UNION ALL SELECT r.customer, 'serial_returner' FROM (SELECT customer, count(*) AS n FROM f WHERE type = 'return' AND ${inW()} GROUP BY customer) r
    JOIN money m USING (customer) WHERE r.n >= 3 AND 2 * r.n >= m.n
  UNION ALL SELECT customer, 'concentration' FROM money, total WHERE money.revenue > 0 AND money.revenue * 100 > ${ch.max_revenue_share_pct} * total.revenue
  UNION ALL SELECT customer, 'detractor' FROM fb WHERE rk = 1 AND score <= 6
  UNION ALL SELECT customer, 'promoter' FROM fb WHERE rk = 1 AND score >= 9
  UNION ALL SELECT customer, 'prompt_payer' FROM inv WHERE NOT cancelled AND ${inW()} AND (paid_at IS NOT NULL OR ${day(A)} > ${day("due")})
    GROUP BY customer HAVING count(*) >= 3 AND bool_and(paid_at IS NOT NULL AND ${day("paid_at")} <= ${day("due")})
  UNION ALL SELECT a.customer, 'loyal' FROM active a JOIN orders o USING (customer) GROUP BY a.customer, a.since
    HAVING (least(a.since, min(o.t)) <= ${A} - INTERVAL 24 MONTH AND count(DISTINCT year(o.t)) >= 2)
      OR count(*) FILTER (WHERE ${inW("o.t")} AND o.redo_of IS NULL) >= 3
  UNION ALL SELECT customer, 'high_value' FROM money, threshold WHERE revenue > 0 AND revenue >= th
),
notice AS (SELECT DISTINCT i.customer FROM inv i JOIN f r ON r.type = 'reminder' AND r.invoice = i.id AND r.customer = i.customer
  WHERE r.level >= 3 AND i.owed - i.paid > 0 AND ${day(A)} - ${day("i.due")} > 30),
cards AS (SELECT c.customer, c.status,
  list(DISTINCT s.code) FILTER (WHERE s.code IS NOT NULL AND c.status <> 'prospect') AS codes
  FROM cust c LEFT JOIN signals s ON s.customer = c.customer GROUP BY c.customer, c.status)
SELECT customer, codes, CASE
  WHEN status = 'prospect' THEN NULL
  WHEN list_has_any(codes, ['abusive', 'warranty_gaming'])
    OR (list_contains(codes, 'unpaid') AND customer IN (SELECT customer FROM notice)) THEN 'part_ways'
  WHEN list_has_any(codes, ['unpaid', 'late_payer', 'haggler', 'unprofitable', 'scope_creep', 'missing_inputs']) THEN 'renegotiate'
  WHEN list_has_any(codes, ['unfounded_complaints', 'serial_returner']) THEN 'watch'
  WHEN list_has_any(codes, ['loyal', 'high_value']) THEN 'partner'
  ELSE 'steady' END AS segment
FROM cards`;
}
