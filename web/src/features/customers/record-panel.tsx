/**
 * The customer's record on their page: contact details (a business's address, SIREN and VAT
 * number), edit (any member), archive (managers), the records merged into this one with their
 * undo, and, for managers, the likely duplicates to merge here (docs/customers.md).
 */
import { Alert, Badge, Button, Card, Group, List, Modal, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerResponse } from "../../../../src/http/routes/customers/contract.ts";
import type { CorrectCustomerBody } from "../../../../src/http/routes/customers/contract-records.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { CustomerForm, valuesOf } from "./customer-form.tsx";
import {
  useCorrectCustomer,
  useDuplicates,
  useMergeCustomer,
  useRecordAction,
} from "./customer-queries.ts";

export function RecordPanel({ data }: { data: CustomerResponse }) {
  const { t } = useTranslation();
  const org = useOrg();
  const { customer } = data;
  const [editing, setEditing] = useState(false);
  const correct = useCorrectCustomer(org.slug, customer.id);
  const action = useRecordAction(org.slug);
  const merge = useMergeCustomer(org.slug);
  const duplicates = useDuplicates(org.slug, customer.id, org.can.mergeCustomers);
  const others = (duplicates.data?.pairs ?? []).map((p) => ({
    other: p.a.id === customer.id ? p.b : p.a,
    reasons: p.reasons,
  }));
  const rows: [string, string | null][] = [
    [
      t("records.form.kind"),
      customer.kind ? t(`records.form.${customer.kind}` as "records.form.person") : null,
    ],
    [t("records.form.email"), customer.email],
    [t("records.form.phone"), customer.phone],
    [t("records.form.address"), customer.address],
    [t("records.form.siren"), customer.siren],
    [t("records.form.vat"), customer.vat],
  ];
  const shown = rows.filter(([, value]) => value);
  return (
    <Card withBorder component="section" aria-labelledby="record-title">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="record-title">
            {t("records.details")}
          </Title>
          {customer.archived && <Badge color="gray">{t("records.archived")}</Badge>}
        </Group>
        <Group gap="xs">
          {org.can.editCustomers && (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t("records.edit")}
            </Button>
          )}
          {org.can.mergeCustomers && (
            <Button
              size="xs"
              variant="default"
              loading={action.isPending}
              onClick={() =>
                action.mutate({
                  id: customer.id,
                  action: customer.archived ? "unarchive" : "archive",
                })
              }
            >
              {customer.archived ? t("records.unarchive") : t("records.archive")}
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap="xs">
        {data.resolvedFrom && (
          <Alert color="blue">{t("records.resolvedFrom", { id: data.resolvedFrom })}</Alert>
        )}
        {customer.archived && <Text size="sm">{t("records.archivedHelp")}</Text>}
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("records.noDetails")}
          </Text>
        ) : (
          <Stack gap={4} component="dl" m={0} data-testid="record-details">
            {shown.map(([label, value]) => (
              <Group key={label} gap="xs" align="baseline" wrap="nowrap">
                <Text component="dt" size="sm" c="dimmed" miw={160}>
                  {label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ whiteSpace: "pre-line" }}>
                  {value}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        <ErrorAlert error={action.error ?? merge.error} />
        {data.merged.length > 0 && (
          <div>
            <Text size="sm" fw={700}>
              {t("records.mergedHere")}
            </Text>
            <List size="sm">
              {data.merged.map((m) => (
                <List.Item key={m.id}>
                  {m.name}{" "}
                  {org.can.mergeCustomers && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => action.mutate({ id: m.id, action: "unmerge" })}
                    >
                      {t("records.unmerge")}
                    </Button>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {org.can.mergeCustomers && others.length > 0 && (
          <div data-testid="record-duplicates">
            <Text size="sm" fw={700}>
              {t("records.duplicates")}
            </Text>
            <Text size="xs" c="dimmed">
              {t("records.duplicatesHelp")}
            </Text>
            <List size="sm">
              {others.map(({ other, reasons }) => (
                <List.Item key={other.id}>
                  <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: other.id }}>
                    {other.name}
                  </Link>{" "}
                  ({reasons.map((r) => t(`records.reasons.${r}`)).join(", ")}){" "}
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => {
                      const text = t("records.mergeConfirm", {
                        merged: other.name,
                        kept: customer.name,
                      });
                      if (window.confirm(text)) merge.mutate({ id: other.id, into: customer.id });
                    }}
                  >
                    {t("records.mergeHere")}
                  </Button>
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t("records.editTitle", { name: customer.name })}
        size="lg"
      >
        <CustomerForm
          initial={valuesOf(customer)}
          submitLabel={t("records.save")}
          busy={correct.isPending}
          error={correct.error}
          onCancel={() => setEditing(false)}
          onSubmit={(values) => {
            // Only what changed: a record without a kind stays so unless it is chosen.
            const initial = valuesOf(customer);
            const changes = Object.fromEntries(
              Object.entries(values).filter(
                ([key, value]) => value !== initial[key as keyof typeof initial],
              ),
            ) as CorrectCustomerBody;
            correct.mutate(changes, { onSuccess: () => setEditing(false) });
          }}
        />
      </Modal>
    </Card>
  );
}
