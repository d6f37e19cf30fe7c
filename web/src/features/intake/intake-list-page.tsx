/** Orders taken at the counter, newest first, filtered by status; « Nouvelle prise en charge ». */
import { Card, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ORDER_STATUSES } from "../../../../src/domain/intake/order-status.ts";
import type { OrderStatus } from "../../api/intake-types.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { ButtonLink, Link } from "../../router/link.tsx";
import { useIntakeList } from "./intake-queries.ts";
import { StatusBadge } from "./intake-shared.tsx";

const route = getRouteApi("/o/$org/intake");

export function IntakeListPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const { status } = route.useSearch();
  const navigate = route.useNavigate();
  const query = useIntakeList(org.slug, { status });
  return (
    <Stack gap="md">
      <PageTitle
        title={t("intake.list.title")}
        actions={
          <ButtonLink to="/o/$org/intake/new" params={{ org: org.slug }}>
            {t("intake.list.new")}
          </ButtonLink>
        }
      />
      <NativeSelect
        label={t("intake.list.status")}
        maw={260}
        value={status ?? ""}
        onChange={(e) => {
          const value = e.currentTarget.value;
          void navigate({
            search: { status: (value || undefined) as OrderStatus | undefined },
            replace: true,
            resetScroll: false,
          });
        }}
        data={[
          { value: "", label: t("intake.list.all") },
          ...ORDER_STATUSES.map((s) => ({ value: s, label: t(`intake.statuses.${s}`) })),
        ]}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : query.data.items.length === 0 ? (
        status ? (
          <Text>{t("empty.intakeFiltered")}</Text>
        ) : (
          <EmptyState
            title={t("empty.intake.title")}
            text={t("empty.intake.text")}
            actions={
              <ButtonLink to="/o/$org/intake/new" params={{ org: org.slug }}>
                {t("empty.intake.action")}
              </ButtonLink>
            }
          />
        )
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={340}>
            <Table verticalSpacing="sm" data-testid="intake-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("intake.list.item")}</Table.Th>
                  <Table.Th>{t("intake.list.status")}</Table.Th>
                  <Table.Th visibleFrom="sm">{t("intake.list.customer")}</Table.Th>
                  <Table.Th visibleFrom="sm" ta="right">
                    {t("intake.list.price")}
                  </Table.Th>
                  <Table.Th visibleFrom="md">{t("intake.list.due")}</Table.Th>
                  <Table.Th visibleFrom="md">{t("intake.list.created")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Link to="/o/$org/intake/$id" params={{ org: org.slug, id: o.id }}>
                        {o.item}
                      </Link>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={o.status} />
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: o.customer }}>
                        {o.customer}
                      </Link>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" ta="right">
                      {o.price === null ? t("common.none") : f.money(o.price, query.data.currency)}
                    </Table.Td>
                    <Table.Td visibleFrom="md">{o.due ? f.date(o.due) : t("common.none")}</Table.Td>
                    <Table.Td visibleFrom="md">{f.date(o.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
