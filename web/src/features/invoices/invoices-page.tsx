/** Invoices: the list with its status filter (kept in the address), and a new draft. */

import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { KEYBOARD_SCROLL } from "../../components/keyboard-scroll.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { type InvoiceStatus, useCreateInvoice, useInvoices } from "./invoice-queries.ts";

const route = getRouteApi("/o/$org/invoices");

export const STATUS_COLOURS: Record<InvoiceStatus, string> = {
  draft: "gray.7",
  issued: "blue.8",
  overdue: "red.8",
  paid: "green.8",
};

export function InvoicesPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const navigate = useNavigate();
  const { status } = route.useSearch();
  const query = useInvoices(org.slug, status ? { status } : {});
  return (
    <Stack gap="md">
      <PageTitle title={t("invoices.title")} />
      <NewDraftForm />
      <SegmentedControl
        aria-label={t("invoices.filter")}
        value={status ?? "all"}
        onChange={(v) =>
          navigate({
            to: "/o/$org/invoices",
            params: { org: org.slug },
            search: v === "all" ? {} : { status: v as InvoiceStatus },
          })
        }
        data={[
          { value: "all", label: t("invoices.all") },
          ...(["draft", "issued", "overdue", "paid"] as const).map((s) => ({
            value: s,
            label: t(`invoices.status.${s}`),
          })),
        ]}
        maw={560}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : query.data.items.length === 0 ? (
        <Text>{t("invoices.empty")}</Text>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={340} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table verticalSpacing="sm" data-testid="invoices-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("invoices.number")}</Table.Th>
                  <Table.Th>{t("invoices.customer")}</Table.Th>
                  <Table.Th>{t("invoices.state")}</Table.Th>
                  <Table.Th visibleFrom="sm">{t("invoices.issueDate")}</Table.Th>
                  <Table.Th ta="right">{t("invoices.totalInclVat")}</Table.Th>
                  <Table.Th ta="right" visibleFrom="sm">
                    {t("invoices.balance")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Link
                        to="/o/$org/invoices/$id"
                        params={{ org: org.slug, id: i.number ?? i.id }}
                      >
                        {i.number
                          ? `${t(`invoices.kind.${i.kind}`)} ${i.number}`
                          : t("invoices.draftOf", { kind: t(`invoices.kind.${i.kind}`) })}
                      </Link>
                    </Table.Td>
                    <Table.Td>{i.customerName ?? i.customer}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOURS[i.status]} variant="filled">
                        {t(`invoices.status.${i.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{i.issueDate ? f.date(i.issueDate) : ""}</Table.Td>
                    <Table.Td ta="right">{f.money(i.totalInclVat, i.currency)}</Table.Td>
                    <Table.Td ta="right" visibleFrom="sm">
                      {i.balance === null ? "" : f.money(i.balance, i.currency)}
                    </Table.Td>
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

/** A new draft for a customer, from orders of the ledger (ids separated by commas) or empty. */
function NewDraftForm() {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const create = useCreateInvoice(org.slug);
  const [customer, setCustomer] = useState("");
  const [orders, setOrders] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ids = orders
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    create.mutate(
      { customer: customer.trim(), ...(ids.length ? { orders: ids } : {}) },
      {
        onSuccess: (data) =>
          navigate({
            to: "/o/$org/invoices/$id",
            params: { org: org.slug, id: data.invoice.id },
          }),
      },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={t("invoices.new")}>
      <Stack gap="sm">
        <Text fw={600}>{t("invoices.new")}</Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t("invoices.customerId")}
            value={customer}
            onChange={(e) => setCustomer(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t("invoices.orders")}
            description={t("invoices.ordersHelp")}
            value={orders}
            onChange={(e) => setOrders(e.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending}>
            {t("invoices.createDraft")}
          </Button>
        </Group>
        <ErrorAlert error={create.error} />
      </Stack>
    </Card>
  );
}
