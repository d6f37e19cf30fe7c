/**
 * The reference for the scorecard bench: DuckDB computes, straight from the JSONL file, how
 * many customers have each signal and each segment, following docs/scoring.md. The bench
 * times it and checks that Comptoir's counts are the same.
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
  remedy_amount: "DECIMAL(18,2)",
  severity: "INTEGER",
  score: "INTEGER",
  source: "VARCHAR",
};

export async function duckdbSignalCounts(
  file: string,
  asOf: string,
  charter = DEFAULTS,
): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  const cols = Object.entries(COLUMNS)
    .map(([k, v]) => `'${k}': '${v}'`)
    .join(", ");
  const A = `TIMESTAMPTZ '${asOf} 23:59:59.999+00'`;
  const W = `(${A} - INTERVAL ${charter.window_months} MONTH)`;
  await c.run("SET TimeZone = 'UTC'");
  await c.run(
    `CREATE TABLE f AS SELECT *, CAST("at" AS TIMESTAMPTZ) AS t FROM read_json('${file}', format='newline_delimited', columns={${cols}})`,
  );
  await c.run(`DELETE FROM f WHERE t > ${A}`);
  const sql = signalSql(A, W, charter);
  const reader = await c.runAndReadAll(sql);
  const counts: Record<string, number> = {};
  for (const row of reader.getRowObjectsJson() as { code: string; n: number }[])
    counts[row.code] = Number(row.n);
  c.closeSync();
  instance.closeSync();
  return counts;
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
 * The signal rows as SQL. Money stays in DECIMAL throughout: labour computed in DOUBLE once
 * made a margin of exactly 15 % (18.60 on 124.00, 111 minutes at 40) read as 18.5999... and
 * flagged a customer the rule spares.
 */
export function signalSql(A: string, W: string, ch: typeof DEFAULTS): string {
  const inW = (col = "t") => `(${col} > ${W} AND ${col} <= ${A})`;
  const day = (x: string) => `floor(epoch_ms(${x}) / 86400000)`;
  return `
WITH cust AS (SELECT id AS customer, t AS since, coalesce(status, 'active') AS status FROM f WHERE type = 'customer'),
active AS (SELECT customer, since FROM cust WHERE status <> 'prospect'),
orders AS (SELECT * FROM f WHERE type = 'order'),
win_orders AS (SELECT customer, count(*) AS n, sum(price) AS revenue, sum(coalesce(cost, 0)) AS cost,
  count(*) FILTER (WHERE list_price > 0 AND (list_price - price) * 100 > ${ch.max_discount_pct} * list_price) AS haggled
  FROM orders WHERE ${inW()} GROUP BY customer),
minutes AS (SELECT customer, sum(minutes) AS m FROM f WHERE type = 'time' AND ${inW()} GROUP BY customer),
remedies AS (SELECT customer, sum(coalesce(remedy_amount, 0)) AS r,
  sum(coalesce(remedy_amount, 0)) FILTER (WHERE fault IS DISTINCT FROM 'customer') AS not_theirs
  FROM f WHERE type = 'complaint' AND ${inW()} GROUP BY customer),
money AS (SELECT a.customer, coalesce(o.revenue, 0) AS revenue,
  coalesce(o.revenue, 0) - coalesce(o.cost, 0) - CAST(round(coalesce(m.m, 0) * ${ch.hour_cost} / 60, 2) AS DECIMAL(18,2)) - coalesce(r.r, 0) AS margin,
  coalesce(r.not_theirs, 0) AS not_theirs, coalesce(o.n, 0) AS n, coalesce(o.haggled, 0) AS haggled
  FROM active a LEFT JOIN win_orders o USING (customer) LEFT JOIN minutes m USING (customer) LEFT JOIN remedies r USING (customer)),
pay AS (SELECT invoice, t, amount, sum(amount) OVER (PARTITION BY invoice ORDER BY t, id ROWS UNBOUNDED PRECEDING) AS cum
  FROM f WHERE type = 'payment'),
inv AS (SELECT i.id, i.customer, i.t, CAST(i.due AS TIMESTAMPTZ) AS due, i.amount,
  coalesce((SELECT sum(p.amount) FROM pay p WHERE p.invoice = i.id), 0) AS paid,
  CASE WHEN i.amount <= 0 THEN i.t ELSE (SELECT min(p.t) FROM pay p WHERE p.invoice = i.id AND p.cum >= i.amount) END AS paid_at
  FROM f i WHERE i.type = 'invoice'),
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
  UNION ALL SELECT DISTINCT customer, 'unpaid' FROM inv WHERE amount - paid > 0 AND ${day(A)} - ${day("due")} > 30
  UNION ALL SELECT customer, 'late_payer' FROM inv WHERE ${inW()} AND paid_at IS NOT NULL AND ${day("paid_at")} - ${day("due")} > 7 GROUP BY customer HAVING count(*) >= 2
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
  UNION ALL SELECT customer, 'prompt_payer' FROM inv WHERE ${inW()} AND (paid_at IS NOT NULL OR ${day(A)} > ${day("due")})
    GROUP BY customer HAVING count(*) >= 3 AND bool_and(paid_at IS NOT NULL AND ${day("paid_at")} <= ${day("due")})
  UNION ALL SELECT a.customer, 'loyal' FROM active a JOIN orders o USING (customer) GROUP BY a.customer, a.since
    HAVING (least(a.since, min(o.t)) <= ${A} - INTERVAL 24 MONTH AND count(DISTINCT year(o.t)) >= 2) OR count(*) FILTER (WHERE ${inW("o.t")}) >= 3
  UNION ALL SELECT customer, 'high_value' FROM money, threshold WHERE revenue > 0 AND revenue >= th
)
SELECT code, count(DISTINCT customer)::INTEGER AS n FROM signals WHERE customer IN (SELECT customer FROM active) GROUP BY code`;
}
