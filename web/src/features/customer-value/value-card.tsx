/**
 * The customer's « Valeur » card: probability of still being a customer, expected value over
 * a year and net value after the cost to serve, with the server's sentence that explains them,
 * or why there is no estimate. Managers and owners only (the API sends `value: null` to staff).
 */
import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CustomerResponse } from "../../../../src/http/routes/customers/contract.ts";
import { useFormat } from "../../format/use-format.ts";

export function ValueCard(props: {
  value: NonNullable<CustomerResponse["value"]>;
  currency: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { value, currency } = props;
  const months = Math.round((value.horizonWeeks * 7) / (365.25 / 12));
  const rows: [string, string][] =
    value.status === "estimated"
      ? [
          [t("value.pAlive"), f.pct(Math.round((value.pAlive ?? 0) * 100))],
          [t("value.expectedOrders"), f.num(value.expectedOrders ?? 0)],
          [t("value.clv"), f.money(value.clv ?? 0, currency)],
          [t("value.costToServe"), f.money(value.costToServe ?? 0, currency)],
          [t("value.netValue"), f.money(value.netValue ?? 0, currency)],
        ]
      : [];
  return (
    <Card withBorder component="section" aria-labelledby="value-title" data-testid="value-card">
      <Title order={2} size="h4" id="value-title">
        {t("value.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {value.status === "estimated" ? t("value.horizon", { months }) : t("value.unavailable")}
      </Text>
      {rows.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" component="dl" m={0} mb="sm">
          {rows.map(([label, shown]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text
                component="dd"
                m={0}
                fw={700}
                size="lg"
                c={label === t("value.netValue") && (value.netValue ?? 0) < 0 ? "red.8" : undefined}
              >
                {shown}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      )}
      <Text size="sm" data-testid="value-sentence">
        {value.sentence}
      </Text>
    </Card>
  );
}
