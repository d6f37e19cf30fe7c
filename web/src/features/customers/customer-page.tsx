/**
 * One customer: the segment and its reasons in plain words, each reason linking to its
 * evidence on the timeline of every fact (anchor + highlight), the money summary and, for
 * managers, the expected value (value-card.tsx).
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerResponse } from "../../../../src/http/routes/customers/contract.ts";
import { FactTimeline, factAnchor } from "../../components/fact-timeline.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { SegmentBadge, useSignalLabel } from "../../components/segment-badge.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { ValueCard } from "../customer-value/value-card.tsx";
import { PaymentPanel } from "../payments/payment-panel.tsx";
import { RelationshipEndedAlert, RelationshipPanel } from "../relationships/part-ways-panel.tsx";
import { CustomerSurveysCard } from "../surveys/customer-surveys-card.tsx";
import { CustomerTimeCard } from "../time/customer-time-card.tsx";
import { type TimelineParams, useCustomer } from "./customer-queries.ts";
import { RecordPanel } from "./record-panel.tsx";

const route = getRouteApi("/o/$org/customers/$id");

type Highlight = { ids: ReadonlySet<string>; label: string | null } | null;

/** Scrolls to a fact and moves the keyboard focus there. */
function showFact(id: string) {
  const element = document.getElementById(factAnchor(id));
  if (!element) return;
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  element.scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: "center" });
  element.focus({ preventScroll: true });
}

export function CustomerPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  // The timeline comes a page at a time; a link to a fact (#fact-inv-3) opens its page.
  const [timeline, setTimeline] = useState<TimelineParams>(() => ({ fact: hashFact() }));
  const query = useCustomer(org.slug, id, timeline);
  const [highlight, setHighlight] = useState<Highlight>(null);
  // A fact to show once its page is on screen.
  const [pending, setPending] = useState<string | undefined>(() => hashFact());
  const signalLabel = useSignalLabel();
  const entries = query.data?.timeline;

  useEffect(() => {
    if (!pending || !entries || query.isPlaceholderData) return;
    if (entries.some((e) => e.id === pending)) showFact(pending);
    setPending(undefined);
  }, [pending, entries, query.isPlaceholderData]);

  /** Shows a fact: on this page at once, else once its page has come. */
  const reveal = (factId: string) => {
    if (entries?.some((e) => e.id === factId)) showFact(factId);
    else {
      setTimeline({ fact: factId });
      setPending(factId);
    }
  };

  // A link such as /o/demo/customers/c-x#fact-inv-3 opens with that fact shown, with the
  // rest of the evidence of the reason it belongs to.
  const signals = query.data?.scorecard?.signals;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per loaded scorecard, not per render
  useEffect(() => {
    const factId = hashFact();
    if (!signals || !factId) return;
    const signal = signals.find((s) => s.evidence.includes(factId));
    setHighlight({
      ids: new Set(signal ? signal.evidence : [factId]),
      label: signal ? signal.label || signalLabel(signal.code) : null,
    });
  }, [signals]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const { customer, scorecard, money, currency } = query.data;
  const contact = [customer.email, customer.phone].filter(Boolean).join(" · ");

  return (
    <Stack gap="lg">
      <div>
        <Link to="/o/$org/customers" params={{ org: org.slug }} size="sm">
          ← {t("customer.back")}
        </Link>
      </div>
      <PageTitle
        title={customer.name}
        subtitle={
          <>
            {customer.status === "prospect"
              ? t("customer.status.prospect")
              : t("customer.since", { date: f.date(customer.since) })}
            {contact && ` · ${contact}`}
          </>
        }
        actions={
          <Group gap="sm">
            {org.can.recordFacts && (
              <Link
                to="/o/$org/incidents/new"
                params={{ org: org.slug }}
                search={{ customer: customer.id }}
                size="sm"
              >
                {t("incident.report")}
              </Link>
            )}
            {scorecard && <SegmentBadge segment={scorecard.segment} size="lg" />}
          </Group>
        }
      />
      <RelationshipEndedAlert customer={customer.id} />
      <RecordPanel data={query.data} />
      {org.can.recordFacts && <PaymentPanel customer={customer.id} />}
      <Grid gap="md">
        {scorecard && (
          <Grid.Col span={{ base: 12, md: money ? 8 : 12 }}>
            <Reasons scorecard={scorecard} onShow={setHighlight} reveal={reveal} />
          </Grid.Col>
        )}
        {money && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <MoneySummary money={money} currency={currency} />
          </Grid.Col>
        )}
      </Grid>
      {org.can.seeScorecards && (
        <RelationshipPanel
          customer={customer.id}
          onShowEvidence={(ids) => {
            setHighlight({ ids: new Set(ids), label: null });
            if (ids[0]) reveal(ids[0]);
          }}
        />
      )}
      {query.data.value && <ValueCard value={query.data.value} currency={currency} />}
      <CustomerTimeCard customer={customer.id} />
      <CustomerSurveysCard customer={customer.id} />
      <Card withBorder component="section" aria-labelledby="timeline-title">
        <Title order={2} size="h4" id="timeline-title">
          {t("customer.timeline")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("customer.timelineHelp")}
        </Text>
        <FactTimeline entries={query.data.timeline} currency={currency} highlight={highlight} />
        <TimelinePager
          {...query.data.timelinePage}
          busy={query.isPlaceholderData}
          onPage={(page) => setTimeline({ page })}
        />
      </Card>
    </Stack>
  );
}

/** The fact a `#fact-<id>` address names, if any. */
function hashFact(): string | undefined {
  const hash = decodeURIComponent(window.location.hash.slice(1));
  return hash.startsWith("fact-") ? hash.slice("fact-".length) : undefined;
}

/** Newer and older pages of the timeline (page 1 holds the most recent facts). */
function TimelinePager(props: {
  page: number;
  pageSize: number;
  total: number;
  busy: boolean;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages === 1) return null;
  return (
    <Group justify="space-between" mt="sm" data-testid="timeline-pager" aria-busy={props.busy}>
      <Button
        variant="default"
        size="xs"
        disabled={props.page >= pages || props.busy}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t("customer.timelineOlder")}
      </Button>
      <Text size="sm" c="dimmed" role="status">
        {t("customer.timelinePage", {
          page: f.num(props.page),
          pages: f.num(pages),
          total: f.num(props.total),
        })}
      </Text>
      <Button
        variant="default"
        size="xs"
        disabled={props.page <= 1 || props.busy}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t("customer.timelineNewer")}
      </Button>
    </Group>
  );
}

function Reasons(props: {
  scorecard: NonNullable<CustomerResponse["scorecard"]>;
  onShow: (highlight: Highlight) => void;
  reveal: (factId: string) => void;
}) {
  const { t } = useTranslation();
  const signalLabel = useSignalLabel();
  const navigate = route.useNavigate();
  const { segment, signals } = props.scorecard;
  return (
    <Card withBorder component="section" aria-labelledby="reasons-title" h="100%">
      <Title order={2} size="h4" id="reasons-title">
        {t("customer.reasons")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`segmentHelp.${segment ?? "prospect"}`)}
      </Text>
      {signals.length === 0 ? (
        <Text>{t("customer.noReasons")}</Text>
      ) : (
        <List spacing="sm" listStyleType="none" data-testid="reasons">
          {signals.map((signal) => {
            const label = signal.label || signalLabel(signal.code);
            const first = signal.evidence[0];
            return (
              <List.Item key={signal.code} data-signal={signal.code}>
                <Group gap="xs" align="baseline" wrap="wrap">
                  <Badge variant="outline" color="dark">
                    {label}
                  </Badge>
                  <Text size="sm">{signal.message}</Text>
                </Group>
                {first && (
                  <Anchor
                    size="sm"
                    href={`#${factAnchor(first)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      // The address names the fact, to be shared; the page scrolls itself.
                      void navigate({
                        hash: factAnchor(first),
                        replace: true,
                        resetScroll: false,
                        hashScrollIntoView: false,
                      });
                      props.onShow({ ids: new Set(signal.evidence), label });
                      props.reveal(first);
                    }}
                  >
                    {t("customer.evidence", { count: signal.evidence.length })}
                  </Anchor>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </Card>
  );
}

function MoneySummary(props: { money: NonNullable<CustomerResponse["money"]>; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { money, currency } = props;
  const rows: [string, string][] = [
    [t("customer.revenue"), f.money(money.revenue, currency)],
    [t("customer.margin"), f.money(money.margin, currency)],
    [t("customer.orders"), f.num(money.orders)],
    // What the customer owes today, every invoice included (not only the window's).
    [t("customer.outstanding"), f.money(money.outstanding_total, currency)],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="money-title" h="100%">
      <Title order={2} size="h4" id="money-title" mb="sm">
        {t("customer.money")}
      </Title>
      <SimpleGrid cols={2} spacing="sm" component="dl" m={0}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fw={700} size="lg">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
