/**
 * The dashboard's "value vs. cost to serve" scatter: one dot per customer, x the expected cost
 * to serve over a year, y the expected net value, one series per segment in its colour. The
 * server's sentence says how to read it (or why there is no estimate).
 */
import { ScatterChart } from "@mantine/charts";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DashboardResponse } from "../../../../src/http/routes/dashboard/contract.ts";
import { useFormat } from "../../format/use-format.ts";
import { SEGMENT_COLORS } from "../../theme.ts";

const SEGMENT_ORDER = ["part_ways", "renegotiate", "watch", "partner", "steady"] as const;

export function ValueScatter(props: { value: DashboardResponse["value"]; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { value, currency } = props;
  const data = SEGMENT_ORDER.map((segment) => ({
    name: t(`segments.${segment}`),
    color: SEGMENT_COLORS[segment] ?? "gray.6",
    data: value.points
      .filter((p) => p.segment === segment)
      .map((p) => ({ cost: p.costToServe, net: p.netValue })),
  })).filter((series) => series.data.length > 0);
  return (
    <figure style={{ margin: 0 }} data-testid="value-scatter">
      {data.length > 0 ? (
        <ScatterChart
          h={300}
          data={data}
          dataKey={{ x: "cost", y: "net" }}
          xAxisLabel={t("value.scatterX")}
          yAxisLabel={t("value.scatterY")}
          valueFormatter={(v) => f.money(v, currency)}
          xAxisProps={{ tickFormatter: (v: number) => f.moneyShort(v, currency) }}
          yAxisProps={{ width: 90, tickFormatter: (v: number) => f.moneyShort(v, currency) }}
          referenceLines={[{ y: 0, color: "gray.6" }]}
          withLegend
          aria-label={value.sentence}
        />
      ) : (
        value.status === "estimated" && <Text>{t("value.scatterEmpty")}</Text>
      )}
      <Text component="figcaption" size="sm" c="dimmed" mt="xs" data-testid="value-scatter-text">
        {value.sentence}
      </Text>
    </figure>
  );
}
