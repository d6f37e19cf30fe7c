/** Complaints: the list (open, resolved, all) and opening one from an order. */
import {
  Badge,
  Button,
  Card,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { useComplaints, useOpenComplaint } from "./after-sales-queries.ts";

const route = getRouteApi("/o/$org/complaints");

type Filter = "true" | "false" | "all";

export function ComplaintsPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const [filter, setFilter] = useState<Filter>("true");
  const query = useComplaints(org.slug, filter === "all" ? {} : { open: filter });
  return (
    <Stack gap="md">
      <PageTitle title={t("intake.complaints.title")} />
      <OpenComplaintForm initialOrder={route.useSearch().order ?? ""} />
      <SegmentedControl
        aria-label={t("intake.complaints.show")}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={[
          { value: "true", label: t("intake.complaints.open") },
          { value: "false", label: t("intake.complaints.resolved") },
          { value: "all", label: t("intake.complaints.all") },
        ]}
        maw={420}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={query.refetch} />
      ) : query.data.items.length === 0 ? (
        filter === "true" ? (
          <EmptyState title={t("empty.complaints.title")} text={t("empty.complaints.text")} />
        ) : (
          <Text>{t("intake.complaints.empty")}</Text>
        )
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={340}>
            <Table verticalSpacing="sm" data-testid="complaints-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("intake.complaints.text")}</Table.Th>
                  <Table.Th visibleFrom="sm">{t("intake.complaints.customer")}</Table.Th>
                  <Table.Th>{t("intake.complaints.state")}</Table.Th>
                  <Table.Th visibleFrom="sm">{t("intake.complaints.opened")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Link to="/o/$org/complaints/$id" params={{ org: org.slug, id: c.id }}>
                        {c.text}
                      </Link>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: c.customer }}>
                        {c.customer}
                      </Link>
                    </Table.Td>
                    <Table.Td>
                      {c.resolvedAt ? (
                        <Badge color="green.8" variant="filled">
                          {c.fault
                            ? t(`intake.faults.${c.fault}`)
                            : t("intake.complaints.resolved")}
                        </Badge>
                      ) : (
                        <Badge
                          color={c.firstResponseOverdue ? "red.8" : "orange.8"}
                          variant="filled"
                        >
                          {c.firstResponseOverdue
                            ? t("intake.complaints.overdue")
                            : `${t("intake.complaints.due")} ${f.dateTime(c.firstResponseDue)}`}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{f.dateTime(c.openedAt)}</Table.Td>
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

function OpenComplaintForm({ initialOrder }: { initialOrder: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const open = useOpenComplaint(org.slug);
  const [order, setOrder] = useState(initialOrder);
  const [text, setText] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate(
      { order: order.trim(), text: text.trim() },
      {
        onSuccess: (data) =>
          navigate({
            to: "/o/$org/complaints/$id",
            params: { org: org.slug, id: data.complaint.id },
          }),
      },
    );
  };
  return (
    <Card withBorder component="section" aria-labelledby="open-complaint-title">
      <Title order={2} size="h4" id="open-complaint-title" mb="sm">
        {t("intake.complaints.new")}
      </Title>
      <Stack component="form" onSubmit={submit} gap="sm" maw={640}>
        <TextInput
          label={t("intake.complaints.order")}
          required
          value={order}
          onChange={(e) => setOrder(e.currentTarget.value)}
        />
        <Textarea
          label={t("intake.complaints.text")}
          required
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <ErrorAlert error={open.error} />
        <div>
          <Button type="submit" loading={open.isPending} disabled={!order.trim() || !text.trim()}>
            {t("intake.complaints.submit")}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
