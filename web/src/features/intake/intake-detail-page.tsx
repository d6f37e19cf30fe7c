/**
 * One intake order: its status and the next steps the API allows (with what blocks
 * acceptance, in plain words), the disclosures to acknowledge, the questions, the quote, the
 * receipt, photos, activity and what the ledger recorded, and its complaints.
 */
import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ADVANCE_TARGETS } from "../../../../src/domain/intake/order-status.ts";
import type { IntakeDetailResponse } from "../../api/intake-types.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { ButtonLink, Link } from "../../router/link.tsx";
import { IntakeActivity, IntakeLedger, IntakePhotos } from "./intake-activity.tsx";
import { CustomerWarningAlert } from "./intake-customer-picker.tsx";
import { IntakeDisclosures, IntakeQuestions } from "./intake-disclosures.tsx";
import { receiptUrl, useIntakeAction, useIntakeOrder } from "./intake-queries.ts";
import { BlockerList, StatusBadge } from "./intake-shared.tsx";
import { IntakeSummary } from "./intake-summary.tsx";

const route = getRouteApi("/o/$org/intake/$id");

export function IntakeDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const search = route.useSearch();
  const query = useIntakeOrder(org.slug, id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const d = query.data;
  const { order } = d;
  return (
    <Stack gap="md" maw={1000}>
      <div>
        <Link to="/o/$org/intake" params={{ org: org.slug }} size="sm">
          ← {t("intake.detail.back")}
        </Link>
      </div>
      <PageTitle
        title={order.item}
        subtitle={
          <>
            <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: order.customer }}>
              {d.customerName ?? order.customer}
            </Link>
            {" · "}
            {t("intake.detail.takenAt", { date: f.dateTime(order.createdAt) })}
            {order.redoOf && ` · ${t("intake.detail.redoOf", { id: order.redoOf })}`}
          </>
        }
        actions={
          <Anchor
            href={receiptUrl(org.slug, id)}
            target="_blank"
            rel="noopener"
            data-testid="receipt-link"
          >
            {t("intake.detail.receipt")}
          </Anchor>
        }
      />
      {search.photos === "failed" && (
        <Alert color="orange" role="alert">
          {t("intake.form.photos")}: {t("common.error")}
        </Alert>
      )}
      {d.can.edit && <CustomerWarningAlert customer={order.customer} />}
      <Steps detail={d} id={id} />
      <IntakeDisclosures detail={d} id={id} />
      <IntakeQuestions detail={d} id={id} />
      <IntakeSummary detail={d} id={id} />
      <IntakePhotos detail={d} id={id} />
      {!d.can.edit && order.status !== "declined" && <IntakeActivity id={id} />}
      <IntakeLedger id={id} customer={order.customer} currency={d.currency} />
      <Complaints detail={d} id={id} />
    </Stack>
  );
}

function Steps({ detail, id }: { detail: IntakeDetailResponse; id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const action = useIntakeAction(org.slug, id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const { order, can } = detail;
  const pending = action.isPending ? action.variables : undefined;
  return (
    <Card withBorder component="section" aria-labelledby="steps-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="steps-title">
          {t("intake.detail.next")}
        </Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t("intake.detail.status")}
          </Text>
          <span data-testid="order-status">
            <StatusBadge status={order.status} />
          </span>
        </Group>
      </Group>
      {order.declineReason && (
        <Text mb="sm">{t("intake.detail.declined", { reason: order.declineReason })}</Text>
      )}
      <Group gap="xs" wrap="wrap">
        <Button
          disabled={!can.accept}
          loading={pending?.kind === "accept"}
          onClick={() => action.mutate({ kind: "accept" })}
        >
          {t("intake.steps.accept")}
        </Button>
        {ADVANCE_TARGETS.map((to) => (
          <Button
            key={to}
            variant={can.advance.includes(to) ? "filled" : "default"}
            disabled={!can.advance.includes(to)}
            loading={pending?.kind === "advance" && pending.to === to}
            onClick={() => action.mutate({ kind: "advance", to })}
          >
            {t(`intake.steps.${to}`)}
          </Button>
        ))}
        <Button
          variant="outline"
          color="red"
          disabled={!can.decline}
          onClick={() => setDeclining((v) => !v)}
          aria-expanded={declining}
        >
          {t("intake.steps.decline")}
        </Button>
      </Group>
      {declining && can.decline && (
        <Group
          mt="sm"
          align="flex-end"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            action.mutate({ kind: "decline", reason }, { onSuccess: () => setDeclining(false) });
          }}
        >
          <TextInput
            label={t("intake.detail.declineReason")}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            style={{ flex: 1 }}
            miw={220}
          />
          <Button type="submit" color="red" disabled={!reason.trim()}>
            {t("intake.steps.decline")}
          </Button>
        </Group>
      )}
      {can.edit && (
        <Stack mt="sm" gap={0}>
          <BlockerList blockers={detail.blockers} />
        </Stack>
      )}
      <Stack mt={action.error ? "sm" : 0}>
        <ErrorAlert error={action.error} />
      </Stack>
    </Card>
  );
}

function Complaints({ detail, id }: { detail: IntakeDetailResponse; id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const org = useOrg();
  const accepted = detail.order.acceptedAt !== null;
  if (!accepted && detail.complaints.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="complaints-title">
      <Title order={2} size="h4" id="complaints-title" mb="sm">
        {t("intake.detail.complaints")}
      </Title>
      <Stack gap="xs">
        {detail.complaints.map((c) => (
          <Group key={c.id} gap="xs" wrap="wrap">
            <Link to="/o/$org/complaints/$id" params={{ org: org.slug, id: c.id }}>
              {c.text}
            </Link>
            <Text size="sm" c="dimmed">
              {f.dateTime(c.openedAt)}
              {c.fault && ` · ${t(`intake.faults.${c.fault}`)}`}
            </Text>
          </Group>
        ))}
        <Group gap="sm">
          {accepted && (
            <ButtonLink
              variant="default"
              to="/o/$org/complaints"
              params={{ org: org.slug }}
              search={{ order: id }}
            >
              {t("intake.detail.openComplaint")}
            </ButtonLink>
          )}
          {detail.order.deliveredAt && (
            <Link to="/o/$org/returns" params={{ org: org.slug }} search={{ order: id }}>
              {t("intake.detail.registerReturn")}
            </Link>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
