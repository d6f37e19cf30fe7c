/**
 * One complaint: what the customer said, with what they had been told and acknowledged about
 * the order shown beside it; the response times against the target; the first response; and
 * the resolution (whose fault and why, the covering disclosure, the remedy).
 */
import { Alert, Badge, Button, Card, Grid, Group, List, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../../api/api-client.ts";
import type { ComplaintResponse } from "../../api/intake-types.ts";
import { orgApi, useRefreshOrg } from "../../api/org-api.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useDuration } from "../../format/use-duration.ts";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { useCustomer } from "../customers/customer-queries.ts";
import { useComplaint } from "./after-sales-queries.ts";
import { ComplaintResolution, ResolveForm, RespondForm } from "./complaint-forms.tsx";

export function ComplaintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const query = useComplaint(org.slug, id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const { complaint: c, disclosures } = query.data;
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Link to="/o/$org/complaints" params={{ org: org.slug }} size="sm">
          ← {t("intake.complaint.back")}
        </Link>
      </div>
      <PageTitle
        title={t("intake.complaint.title")}
        subtitle={
          <>
            <CustomerLink id={c.customer} />
            {" · "}
            {t("intake.complaint.openedAt", { date: f.dateTime(c.openedAt) })}
            {c.orderId && (
              <>
                {" · "}
                <Link to="/o/$org/intake/$id" params={{ org: org.slug, id: c.orderId }}>
                  {t("intake.complaint.order", { id: c.orderId })}
                </Link>
              </>
            )}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder h="100%" data-testid="complaint-text">
            <Text fz="lg">« {c.text} »</Text>
            {c.resolvedAt && <ComplaintResolution data={query.data} />}
            {c.resolvedAt &&
              c.orderId &&
              (c.remedy === "discount" || c.remedy === "refund") &&
              c.remedyAmount &&
              org.can.issueInvoices && <CreditNoteButton id={c.id} />}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CoveredBy data={query.data} />
        </Grid.Col>
      </Grid>
      <Times data={query.data} />
      {!c.firstResponseAt && !c.resolvedAt && <RespondForm id={id} />}
      {!c.resolvedAt && <ResolveForm id={id} disclosures={disclosures} />}
    </Stack>
  );
}

/** One click: the credit note of the remedy on the order's invoice (docs/invoicing.md). */
function CreditNoteButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const refresh = useRefreshOrg(org.slug);
  const credit = useMutation({
    mutationFn: () =>
      api<{ invoice: { id: string; number: string | null } }>(
        "POST",
        `${orgApi(org.slug)}/complaints/${encodeURIComponent(id)}/credit-note`,
        {},
      ),
    onSuccess: async (data) => {
      await refresh();
      await navigate({
        to: "/o/$org/invoices/$id",
        params: { org: org.slug, id: data.invoice.number ?? data.invoice.id },
      });
    },
  });
  return (
    <Stack gap="xs" mt="sm">
      <Button variant="default" onClick={() => credit.mutate()} loading={credit.isPending}>
        {t("invoices.fromComplaint")}
      </Button>
      <ErrorAlert error={credit.error} />
    </Stack>
  );
}

function CustomerLink({ id }: { id: string }) {
  const org = useOrg();
  const customer = useCustomer(org.slug, id);
  return (
    <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: id }}>
      {customer.data?.customer.name ?? id}
    </Link>
  );
}

/** The order's disclosures, next to the complaint: what the customer knew and accepted. */
function CoveredBy({ data }: { data: ComplaintResponse }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { disclosures, complaint } = data;
  return (
    <Alert
      color="blue"
      variant="light"
      title={t("intake.complaint.covered")}
      h="100%"
      data-testid="complaint-disclosures"
      component="section"
    >
      <Text size="sm" mb="xs">
        {t("intake.complaint.coveredHelp")}
      </Text>
      {disclosures.length === 0 ? (
        <Text>{t("intake.complaint.noDisclosure")}</Text>
      ) : (
        <List spacing="xs">
          {disclosures.map((d) => (
            <List.Item key={d.code} data-disclosure={d.code}>
              <Text fw={700}>{d.text}</Text>
              <Group gap="xs">
                <Badge color={d.acknowledgedAt ? "green.8" : "red.8"} variant="filled">
                  {d.acknowledgedAt
                    ? t("intake.complaint.acknowledgedAt", { date: f.dateTime(d.acknowledgedAt) })
                    : t("intake.complaint.notAcknowledged")}
                </Badge>
                {complaint.disclosureCode === d.code && (
                  <Badge color="blue.8">{t("intake.complaint.coveringDisclosure")}</Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function Times({ data }: { data: ComplaintResponse }) {
  const { t } = useTranslation();
  const f = useFormat();
  const duration = useDuration();
  const c = data.complaint;
  const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
  const onTime = (at: string) => Date.parse(at) <= Date.parse(c.firstResponseDue);
  const verdict = (at: string | null) =>
    at === null ? (
      <Badge color={c.firstResponseOverdue ? "red.8" : "gray.7"} variant="filled">
        {c.firstResponseOverdue ? t("intake.complaint.late") : t("intake.complaint.waiting")}
      </Badge>
    ) : (
      <Badge color={onTime(at) ? "green.8" : "red.8"} variant="filled">
        {onTime(at) ? t("intake.complaint.onTime") : t("intake.complaint.late")}
      </Badge>
    );
  // The first response counts as given when the complaint is resolved straight away.
  const responded = c.firstResponseAt ?? c.resolvedAt;
  return (
    <Card withBorder component="section" aria-labelledby="times-title">
      <Title order={2} size="h4" id="times-title">
        {t("intake.complaint.times")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("intake.complaint.target", { date: f.dateTime(c.firstResponseDue) })}
      </Text>
      <Stack gap={4}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t("intake.complaint.firstResponse")}
          </Text>
          {responded && (
            <Text size="sm">
              {t("intake.complaint.firstResponseIn", {
                duration: duration(minutes(c.openedAt, responded)),
              })}
            </Text>
          )}
          {verdict(responded)}
        </Group>
        {c.firstResponseText && (
          <Text size="sm" c="dimmed">
            « {c.firstResponseText} »
          </Text>
        )}
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t("intake.complaint.resolution")}
          </Text>
          <Text size="sm">
            {c.resolvedAt
              ? t("intake.complaint.firstResponseIn", {
                  duration: duration(minutes(c.openedAt, c.resolvedAt)),
                })
              : t("intake.complaint.waiting")}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
