/**
 * The reference for the scorecard bench: DuckDB computes, straight from the JSONL file, how
 * many customers have each signal and each segment, following docs/scoring.md. The bench
 * times it and checks that Comptoir's counts are the same.
 */
import { DuckDBInstance } from "@duckdb/node-api";

const COLUMNS = {
  type: "VARCHAR", id: "VARCHAR", at: "VARCHAR", customer: "VARCHAR", name: "VARCHAR", status: "VARCHAR",
  price: "DECIMAL(18,2)", list_price: "DECIMAL(18,2)", cost: "DECIMAL(18,2)", warranty_days: "INTEGER",
  included_revisions: "INTEGER", delivered: "VARCHAR", order: "VARCHAR", minutes: "DOUBLE", activity: "VARCHAR",
  amount: "DECIMAL(18,2)", due: "VARCHAR", invoice: "VARCHAR", level: "INTEGER", kind: "VARCHAR",
  warranty_end: "VARCHAR", fault: "VARCHAR", remedy_amount: "DECIMAL(18,2)", severity: "INTEGER", score: "INTEGER",
  source: "VARCHAR",
};

export async function duckdbSignalCounts(file: string, asOf: string, charter = DEFAULTS): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  const cols = Object.entries(COLUMNS).map(([k, v]) => `'${k}': '${v}'`).join(", ");
  const A = `TIMESTAMPTZ '${asOf} 23:59:59.999+00'`;
  const W = `(${A} - INTERVAL ${charter.window_months} MONTH)`;
  await c.run("SET TimeZone = 'UTC'");
  await c.run(`CREATE TABLE f AS SELECT *, CAST("at" AS TIMESTAMPTZ) AS t FROM read_json('${file}', format='newline_delimited', columns={${cols}})`);
  await c.run(`DELETE FROM f WHERE t > ${A}`);
  const sql = signalSql(A, W, charter);
  const reader = await c.runAndReadAll(sql);
  const counts: Record<string, number> = {};
  for (const row of reader.getRowObjectsJson() as { code: string; n: number }[]) counts[row.code] = Number(row.n);
  c.closeSync();
  instance.closeSync();
  return counts;
}

const DEFAULTS = {
  hour_cost: 40, max_discount_pct: 10, min_margin_pct: 15, max_revenue_share_pct: 25, included_revisions: 2,
  warranty_days: 30, zero_tolerance_severity: 3, window_months: 12,
};

function signalSql(A: string, W: string, ch: typeof DEFAULTS): string {
  const inW = (col = "t") => `(${col} > ${W} AND ${col} <= ${A})`;
  return `
WITH cust AS (SELECT id AS customer, t AS since, coalesce(status, 'active') AS status FROM f WHERE type = 'customer'),
orders AS (SELECT * FROM f WHERE type = 'order'),
win_orders AS (SELECT customer, count(*) AS n, sum(price) AS revenue, sum(coalesce(cost, 0)) AS cost,
  count(*) FILTER (WHERE list_price > 0 AND 1 - price / list_price > ${ch.max_discount_pct / 100}) AS haggled
  FROM orders WHERE ${inW()} GROUP BY customer),
minutes AS (SELECT customer, sum(minutes) AS m FROM f WHERE type = 'time' AND ${inW()} GROUP BY customer),
remedies AS (SELECT customer, sum(coalesce(remedy_amount, 0)) AS r FROM f WHERE type = 'complaint' AND ${inW()} GROUP BY customer),
money AS (SELECT c.customer, coalesce(o.revenue, 0) AS revenue,
  coalesce(o.revenue, 0) - coalesce(o.cost, 0) - coalesce(m.m, 0) * ${ch.hour_cost} / 60 - coalesce(r.r, 0) AS margin,
  coalesce(o.n, 0) AS n, coalesce(o.haggled, 0) AS haggled
  FROM cust c LEFT JOIN win_orders o USING (customer) LEFT JOIN minutes m USING (customer) LEFT JOIN remedies r USING (customer)
  WHERE c.status <> 'prospect'),
inv AS (SELECT i.id, i.customer, i.t, CAST(i.due AS TIMESTAMPTZ) AS due, i.amount,
  coalesce((SELECT sum(p.amount) FROM f p WHERE p.type = 'payment' AND p.invoice = i.id), 0) AS paid,
  (SELECT min(p2.t) FROM f p2 WHERE p2.type = 'payment' AND p2.invoice = i.id AND
     (SELECT sum(p3.amount) FROM f p3 WHERE p3.type = 'payment' AND p3.invoice = i.id AND (p3.t < p2.t OR (p3.t = p2.t AND p3.id <= p2.id))) >= i.amount) AS paid_at,
  EXISTS (SELECT 1 FROM f r WHERE r.type = 'reminder' AND r.invoice = i.id AND r.level = 3) AS formal
  FROM f i WHERE i.type = 'invoice'),
ret AS (SELECT r.customer, r.t,
  coalesce(CAST(r.warranty_end AS TIMESTAMPTZ), coalesce(CAST(o.delivered AS TIMESTAMPTZ), o.t) + to_days(coalesce(o.warranty_days, ${ch.warranty_days}))) AS wend,
  coalesce(o.warranty_days, ${ch.warranty_days}) AS wdays
  FROM f r LEFT JOIN orders o ON o.id = r."order" WHERE r.type = 'return'),
latest_feedback AS (SELECT customer, arg_max(score, t) AS score FROM f WHERE type = 'feedback' AND score IS NOT NULL AND customer IS NOT NULL GROUP BY customer),
rev_extra AS (SELECT v.customer, v."order", count(*) AS n FROM f v WHERE v.type = 'revision' AND ${inW("v.t")} GROUP BY ALL),
scope AS (SELECT e.customer, sum(greatest(0, e.n - coalesce(o.included_revisions, ${ch.included_revisions}))) AS extra
  FROM rev_extra e LEFT JOIN orders o ON o.id = e."order" GROUP BY e.customer),
total AS (SELECT sum(revenue) AS revenue, count(*) FILTER (WHERE revenue > 0) AS sellers FROM money),
signals AS (
  SELECT customer, 'abusive' AS code FROM f WHERE type = 'incident' GROUP BY customer
    HAVING max(severity) >= ${ch.zero_tolerance_severity} OR count(*) FILTER (WHERE severity >= 2 AND ${inW()}) >= 2
  UNION ALL SELECT customer, 'warranty_gaming' FROM ret GROUP BY customer
    HAVING count(*) FILTER (WHERE t <= wend AND t >= wend - to_milliseconds(CAST(greatest(7 * 86400000, 0.1 * wdays * 86400000) AS BIGINT))) >= 2
       AND 3 * count(*) FILTER (WHERE t <= wend AND t >= wend - to_milliseconds(CAST(greatest(7 * 86400000, 0.1 * wdays * 86400000) AS BIGINT))) >= 2 * count(*)
  UNION ALL SELECT DISTINCT customer, 'unpaid' FROM inv WHERE amount - paid > 0 AND ${A} > due + INTERVAL 30 DAY
  UNION ALL SELECT customer, 'late_payer' FROM inv WHERE ${inW()} AND paid_at > due + INTERVAL 7 DAY GROUP BY customer HAVING count(*) >= 2
  UNION ALL SELECT customer, 'haggler' FROM money WHERE haggled >= 2 AND 2 * haggled >= n
  UNION ALL SELECT customer, 'unprofitable' FROM money WHERE revenue > 0 AND margin < revenue * ${ch.min_margin_pct / 100}
  UNION ALL SELECT customer, 'scope_creep' FROM scope WHERE extra >= 3
  UNION ALL SELECT customer, 'missing_inputs' FROM f WHERE type = 'chase' AND ${inW()} GROUP BY customer HAVING count(*) >= 3
  UNION ALL SELECT customer, 'unfounded_complaints' FROM f WHERE type = 'complaint' AND fault = 'customer' AND ${inW()} GROUP BY customer HAVING count(*) >= 3
  UNION ALL SELECT r.customer, 'serial_returner' FROM (SELECT customer, count(*) AS n FROM f WHERE type = 'return' AND ${inW()} GROUP BY customer) r
    JOIN money m USING (customer) WHERE r.n >= 3 AND 2 * r.n >= m.n
  UNION ALL SELECT customer, 'concentration' FROM money, total WHERE total.revenue > 0 AND revenue * 100 > ${ch.max_revenue_share_pct} * total.revenue
  UNION ALL SELECT customer, 'detractor' FROM latest_feedback WHERE score <= 6
  UNION ALL SELECT customer, 'promoter' FROM latest_feedback WHERE score >= 9
  UNION ALL SELECT customer, 'prompt_payer' FROM inv WHERE ${inW()} GROUP BY customer HAVING count(*) >= 3 AND bool_and(paid_at IS NOT NULL AND paid_at <= due)
  UNION ALL SELECT o.customer, 'loyal' FROM orders o JOIN cust c USING (customer) GROUP BY o.customer, c.since
    HAVING (min(o.t) <= ${A} - INTERVAL 2 YEAR AND count(DISTINCT year(o.t)) >= 2) OR count(*) FILTER (WHERE ${inW("o.t")}) >= 3
  UNION ALL SELECT customer, 'high_value' FROM (SELECT customer, revenue, row_number() OVER (ORDER BY revenue DESC) AS rk FROM money WHERE revenue > 0), total
    WHERE rk <= greatest(1, floor(total.sellers * 0.1))
)
SELECT code, count(DISTINCT customer)::INTEGER AS n FROM signals s WHERE customer IN (SELECT customer FROM money) GROUP BY code`;
}
