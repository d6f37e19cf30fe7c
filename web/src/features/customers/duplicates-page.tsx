/**
 * Likely duplicates across the organization (managers): each pair with why it looks like one,
 * and a button to merge either record into the other. A merge keeps both histories and can be
 * undone from the kept customer's page.
 */
import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DuplicatesResponse } from "../../../../src/http/routes/customers/contract-records.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading } from "../../components/states.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { useDuplicates, useMergeCustomer } from "./customer-queries.ts";

type Brief = DuplicatesResponse["pairs"][number]["a"];

export function DuplicatesPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useDuplicates(org.slug, undefined, org.can.mergeCustomers);
  const merge = useMergeCustomer(org.slug);
  if (!org.can.mergeCustomers) return <Forbidden />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const mergeButton = (merged: Brief, kept: Brief) => (
    <Button
      size="xs"
      variant="light"
      loading={merge.isPending}
      onClick={() => {
        if (window.confirm(t("records.mergeConfirm", { merged: merged.name, kept: kept.name })))
          merge.mutate({ id: merged.id, into: kept.id });
      }}
    >
      {t("records.mergeInto", { merged: merged.name, kept: kept.name })}
    </Button>
  );
  const who = (c: Brief) => (
    <div>
      <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: c.id }}>
        {c.name}
      </Link>
      <Text size="sm" c="dimmed">
        {[c.email, c.phone].filter(Boolean).join(" · ") || " "}
      </Text>
    </div>
  );
  return (
    <Stack gap="md">
      <PageTitle title={t("records.duplicatesPage")} subtitle={t("records.duplicatesPageHelp")} />
      <ErrorAlert error={merge.error} />
      {query.data.pairs.length === 0 ? (
        <Text>{t("records.noDuplicates")}</Text>
      ) : (
        query.data.pairs.map((pair) => (
          <Card withBorder key={`${pair.a.id}/${pair.b.id}`} data-testid="duplicate-pair">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              {who(pair.a)}
              <Text size="sm">{pair.reasons.map((r) => t(`records.reasons.${r}`)).join(", ")}</Text>
              {who(pair.b)}
            </Group>
            <Group gap="sm" mt="sm">
              {mergeButton(pair.b, pair.a)}
              {mergeButton(pair.a, pair.b)}
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
