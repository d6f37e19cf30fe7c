/**
 * The whale curve: customers ranked by margin, best first, against the cumulative share of
 * total margin. A text summary (the peak) goes with it for screen readers and quick reading:
 * the figcaption names the figure, since an aria-label on the chart's plain div is not allowed.
 */
import { AreaChart } from "@mantine/charts";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DashboardResponse } from "../../../../src/http/routes/dashboard/contract.ts";
import { useFormat } from "../../format/use-format.ts";

export function WhaleCurve({ points }: { points: DashboardResponse["whaleCurve"] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const peak = points.reduce(
    (best, p) => (p.profitPct > best.profitPct ? p : best),
    points[0] ?? { customersPct: 0, profitPct: 0 },
  );
  const summary = t("dashboard.whaleSummary", {
    customers: f.pct(peak.customersPct),
    profit: f.pct(peak.profitPct),
  });
  return (
    <figure style={{ margin: 0 }} data-testid="whale-curve">
      <AreaChart
        h={280}
        data={points}
        dataKey="customersPct"
        series={[{ name: "profitPct", label: t("dashboard.whaleSeries"), color: "indigo.7" }]}
        curveType="monotone"
        withDots={false}
        unit=" %"
        xAxisLabel={t("dashboard.whaleX")}
        yAxisLabel={t("dashboard.whaleY")}
        xAxisProps={{ type: "number", domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] }}
        valueFormatter={(value) => f.num(value)}
        referenceLines={[{ y: 100, label: "100 %", color: "gray.6" }]}
        gridAxis="xy"
      />
      <Text component="figcaption" size="sm" c="dimmed" mt="xs">
        {summary}
      </Text>
    </figure>
  );
}
