/**
 * The dashboard: segment counts, whale curve, concentration, revenue and margin, value vs. cost
 * to serve, needs attention.
 */
import { Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { DashboardResponse } from "../../../../src/http/routes/dashboard/contract.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { SegmentBadge, useSignalLabel } from "../../components/segment-badge.tsx";
import { ErrorState, Forbidden, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { CardLink, Link } from "../../router/link.tsx";
import { FirstStepsCard } from "../identity/first-steps-card.tsx";
import { InboxDashboardCard } from "../inbox/inbox-dashboard-card.tsx";
import { useDashboard } from "./portfolio-queries.ts";

// The chart library is most of the bundle's weight: load it with the dashboard only.
const WhaleCurve = lazy(() =>
  import("./whale-curve.tsx").then((module) => ({ default: module.WhaleCurve })),
);

const ValueScatter = lazy(() =>
  import("../customer-value/value-scatter.tsx").then((module) => ({
    default: module.ValueScatter,
  })),
);

const SEGMENT_ORDER = ["part_ways", "renegotiate", "watch", "partner", "steady"] as const;

export function DashboardPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const query = useDashboard(org.slug);
  if (!org.can.seePortfolio) return <Forbidden />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const d = query.data;
  return (
    <Stack gap="lg">
      <PageTitle
        title={t("dashboard.title")}
        subtitle={`${org.name} · ${t("common.asOf", { date: f.instant(d.asOf) })}`}
      />
      <FirstStepsCard />
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
        <Stat label={t("dashboard.customers")} value={f.num(d.customers)}>
          {t("dashboard.prospects", { count: d.prospects })}
        </Stat>
        <Stat label={t("dashboard.revenue")} value={f.money(d.revenue, d.currency)}>
          {t("dashboard.window")}
        </Stat>
        <Stat label={t("dashboard.margin")} value={f.money(d.margin, d.currency)}>
          {d.marginPct === null
            ? t("common.none")
            : t("dashboard.marginPct", { pct: f.pct(d.marginPct) })}
        </Stat>
        <Concentration data={d} />
      </SimpleGrid>
      <InboxDashboardCard />
      <Card withBorder component="section" aria-labelledby="segments-title">
        <Title order={2} size="h4" id="segments-title" mb="sm">
          {t("dashboard.segments")}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {SEGMENT_ORDER.map((segment) => (
            <CardLink
              key={segment}
              to="/o/$org/customers"
              params={{ org: org.slug }}
              search={{ segment }}
              aria-label={`${t("dashboard.segmentLink", { segment: t(`segments.${segment}`) })}: ${d.segments[segment] ?? 0}`}
              data-testid={`segment-count-${segment}`}
            >
              <Stack gap={4} align="flex-start" p="xs">
                <SegmentBadge segment={segment} />
                <Text fz={28} fw={700} lh={1.1}>
                  {f.num(d.segments[segment] ?? 0)}
                </Text>
              </Stack>
            </CardLink>
          ))}
        </SimpleGrid>
      </Card>
      <Card withBorder component="section" aria-labelledby="whale-title">
        <Title order={2} size="h4" id="whale-title">
          {t("dashboard.whaleCurve")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("dashboard.whaleHelp")}
        </Text>
        <Suspense fallback={<Loading />}>
          <WhaleCurve points={d.whaleCurve} />
        </Suspense>
      </Card>
      <Card withBorder component="section" aria-labelledby="value-scatter-title">
        <Title order={2} size="h4" id="value-scatter-title" mb="sm">
          {t("value.scatterTitle")}
        </Title>
        <Suspense fallback={<Loading />}>
          <ValueScatter value={d.value} currency={d.currency} />
        </Suspense>
      </Card>
      <NeedsAttention data={d} />
    </Stack>
  );
}

function Stat(props: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed" fw={600}>
        {props.label}
      </Text>
      <Text fz={26} fw={700}>
        {props.value}
      </Text>
      <Text size="sm" c="dimmed">
        {props.children}
      </Text>
    </Card>
  );
}

function Concentration({ data }: { data: DashboardResponse }) {
  const { t } = useTranslation();
  const f = useFormat();
  const org = useOrg();
  const over = data.topSharePct > data.maxRevenueSharePct;
  return (
    <Card withBorder data-testid="concentration">
      <Text size="sm" c="dimmed" fw={600}>
        {t("dashboard.concentration")}
      </Text>
      <Group gap="xs" align="baseline">
        <Text fz={26} fw={700}>
          {f.pct(data.topSharePct)}
        </Text>
        <Badge color={over ? "red.8" : "green.8"} variant="filled">
          {over ? t("dashboard.overLimit") : t("dashboard.underLimit")}
        </Badge>
      </Group>
      <Progress
        value={Math.min(100, data.topSharePct)}
        color={over ? "red.7" : "green.7"}
        my={6}
        aria-label={t("dashboard.concentration")}
      />
      <Text size="sm" c="dimmed">
        {data.topCustomer ? (
          <>
            {t("dashboard.topCustomer")}{" "}
            {/* Underlined: inside a sentence, color alone does not mark a link. */}
            <Link
              to="/o/$org/customers/$id"
              params={{ org: org.slug, id: data.topCustomer.id }}
              underline="always"
            >
              {data.topCustomer.name}
            </Link>{" "}
            {t("dashboard.topShare", {
              share: f.pct(data.topSharePct),
              limit: f.pct(data.maxRevenueSharePct),
            })}
          </>
        ) : (
          t("dashboard.noTopCustomer")
        )}
      </Text>
    </Card>
  );
}

function NeedsAttention({ data }: { data: DashboardResponse }) {
  const { t } = useTranslation();
  const f = useFormat();
  const org = useOrg();
  const signalLabel = useSignalLabel();
  return (
    <Card withBorder component="section" aria-labelledby="attention-title">
      <Title order={2} size="h4" id="attention-title">
        {t("dashboard.needsAttention")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("dashboard.needsAttentionHelp")}
      </Text>
      {data.needsAttention.length === 0 ? (
        <Text>{t("dashboard.nothing")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="needs-attention">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("customers.columns.name")}</Table.Th>
                <Table.Th>{t("customers.columns.segment")}</Table.Th>
                <Table.Th>{t("customers.columns.signals")}</Table.Th>
                <Table.Th ta="right">{t("customers.columns.revenue")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.needsAttention.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: row.id }}>
                      {row.name}
                    </Link>
                  </Table.Td>
                  <Table.Td>
                    <SegmentBadge segment={row.segment} size="sm" />
                    {row.isNew && (
                      <Badge size="xs" variant="outline" color="red" ml={4}>
                        {t("dashboard.newInSegment")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {row.signals.map((s) => s.message || signalLabel(s.code)).join(" · ")}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{f.money(row.revenue, data.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
