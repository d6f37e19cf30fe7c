/**
 * « À répondre »: everything waiting for our answer, oldest first, each with a countdown to
 * its target (first_response_hours on the organization's clock); overdue ones highlighted.
 */
import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { linkOptions } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { InboxItem } from "../../api/intake-types.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useDuration } from "../../format/use-duration.ts";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { ButtonLink, Link } from "../../router/link.tsx";
import { useFeedbackDone, useInbox } from "./inbox-queries.ts";

export function InboxPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useInbox(org.slug);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const { items, counts, firstResponseHours } = query.data;
  return (
    <Stack gap="md" maw={960}>
      <PageTitle
        title={t("intake.inbox.title")}
        subtitle={t("intake.inbox.intro", { hours: firstResponseHours })}
        actions={
          <Group gap="xs">
            <Badge size="lg" variant="filled" color="gray.8">
              {t("intake.nav.inboxCount", { count: counts.total })}
            </Badge>
            {counts.overdue > 0 && (
              <Badge size="lg" color="red.8">
                {t("intake.inbox.overdueCount", { count: counts.overdue })}
              </Badge>
            )}
          </Group>
        }
      />
      {items.length === 0 ? (
        <EmptyState
          title={t("empty.inbox.title")}
          text={t("empty.inbox.text")}
          actions={
            <ButtonLink to="/o/$org/intake" params={{ org: org.slug }} variant="light">
              {t("empty.inbox.action")}
            </ButtonLink>
          }
        />
      ) : (
        <Stack
          gap="sm"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          data-testid="inbox"
        >
          {items.map((item) => (
            <InboxRow key={`${item.kind}-${item.id}`} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function InboxRow({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const duration = useDuration();
  const done = useFeedbackDone(org.slug);
  const target =
    item.kind === "complaint"
      ? linkOptions({ to: "/o/$org/complaints/$id", params: { org: org.slug, id: item.id } })
      : item.orderId
        ? linkOptions({ to: "/o/$org/intake/$id", params: { org: org.slug, id: item.orderId } })
        : item.customer
          ? linkOptions({
              to: "/o/$org/customers/$id",
              params: { org: org.slug, id: item.customer },
            })
          : null;
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      data-overdue={item.overdue}
      style={
        item.overdue ? { borderColor: "var(--mantine-color-red-7)", borderLeftWidth: 6 } : undefined
      }
      bg={item.overdue ? "red.0" : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
          <Group gap="xs">
            <Badge variant="outline" color="dark">
              {t(`intake.inbox.kinds.${item.kind}`)}
            </Badge>
            {item.customer && (
              <Link
                to="/o/$org/customers/$id"
                params={{ org: org.slug, id: item.customer }}
                size="sm"
              >
                {item.customer}
              </Link>
            )}
          </Group>
          <Text>{item.text}</Text>
          <Text size="sm" c="dimmed">
            {t("intake.inbox.since", { date: f.dateTime(item.since) })}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Badge
            color={item.overdue ? "red.8" : item.remainingMinutes < 240 ? "orange.8" : "green.8"}
            variant="filled"
            title={f.dateTime(item.due)}
          >
            {item.overdue
              ? t("intake.inbox.overdueBy", { duration: duration(item.remainingMinutes) })
              : t("intake.inbox.dueIn", { duration: duration(item.remainingMinutes) })}
          </Badge>
          <Group gap="xs">
            {target && (
              <Link {...target} size="sm">
                {t("intake.inbox.open")}
              </Link>
            )}
            {item.kind === "feedback" && (
              <Button
                size="compact-sm"
                variant="default"
                loading={done.isPending}
                onClick={() => done.mutate(item.id)}
              >
                {t("intake.inbox.done")}
              </Button>
            )}
          </Group>
        </Stack>
      </Group>
      <ErrorAlert error={done.error} />
    </Card>
  );
}
