/**
 * Customers ranked by non-billable time (chasing, revisions, negotiation, complaints) over the
 * window, with its cost at the charter's hourly cost: a stacked bar chart and the same figures
 * as a table (managers and owners).
 */
import { BarChart } from "@mantine/charts";
import { Card, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLang } from "../../api/org-api.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { duration } from "./duration.ts";
import { useNonBillableReport } from "./time-queries.ts";

const ACTIVITIES = ["chasing", "revision", "negotiation", "complaint"] as const;
const COLORS = ["orange.6", "grape.6", "blue.6", "red.6"];

export function TimeReportPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const lang = useLang();
  const query = useNonBillableReport(org.slug);
  if (!org.can.seeScorecards) return <Forbidden />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const { customers, currency } = query.data;
  const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
  const data = customers.slice(0, 12).map((c) => ({
    name: c.name,
    ...Object.fromEntries(ACTIVITIES.map((a) => [a, hours(c[a])])),
  }));
  return (
    <Stack gap="lg">
      <PageTitle
        title={t("time.report.title")}
        subtitle={t("time.report.intro", {
          start: f.date(query.data.window.start),
          hourCost: f.money(query.data.hourCost, currency),
        })}
      />
      {customers.length === 0 ? (
        <Text>{t("time.report.empty")}</Text>
      ) : (
        <>
          <Card withBorder component="figure" m={0} data-testid="non-billable-chart">
            <BarChart
              h={Math.max(200, data.length * 36)}
              data={data}
              dataKey="name"
              orientation="vertical"
              type="stacked"
              yAxisProps={{ width: 140 }}
              series={ACTIVITIES.map((a, i) => ({
                name: a,
                label: t(`values.${a}`),
                color: COLORS[i] ?? "gray.6",
              }))}
              valueFormatter={(v) => `${f.num(v)} h`}
              withLegend
            />
            <Text component="figcaption" size="sm" c="dimmed" mt="xs">
              {t("time.report.chartCaption")}
            </Text>
          </Card>
          <Table data-testid="non-billable-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("time.report.customer")}</Table.Th>
                {ACTIVITIES.map((a) => (
                  <Table.Th scope="col" key={a}>
                    {t(`values.${a}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t("time.report.duration")}</Table.Th>
                <Table.Th scope="col">{t("time.report.cost")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.map((c) => (
                <Table.Tr key={c.customer}>
                  <Table.Th scope="row" fw={400}>
                    <Link
                      to="/o/$org/customers/$id"
                      params={{ org: org.slug, id: c.customer }}
                      size="sm"
                    >
                      {c.name}
                    </Link>
                  </Table.Th>
                  {ACTIVITIES.map((a) => (
                    <Table.Td key={a}>{c[a] > 0 ? duration(c[a], lang) : "–"}</Table.Td>
                  ))}
                  <Table.Td fw={700}>{duration(c.minutes, lang)}</Table.Td>
                  <Table.Td fw={700}>{f.money(c.cost, currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
