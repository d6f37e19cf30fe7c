/**
 * The payment journal for managers and owners (docs/payments.md): whether its chain is intact
 * (checked at each server start and on demand; a broken chain is said plainly), the closures
 * of days, months and years with their totals by method, the latest entries, and an archive
 * of a period to download and keep.
 */

import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { JournalCheckView } from "../../../../src/http/routes/payments/contract.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { KEYBOARD_SCROLL } from "../../components/keyboard-scroll.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import {
  archiveUrl,
  useCloseJournal,
  useClosures,
  useJournal,
  useVerifyJournal,
} from "./payment-queries.ts";

export function PaymentsJournalPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const journal = useJournal(org.slug);
  const closures = useClosures(org.slug);
  const verify = useVerifyJournal(org.slug);
  const close = useCloseJournal(org.slug);
  if (journal.isPending || closures.isPending) return <Loading />;
  if (!journal.data || !closures.data)
    return <ErrorState error={journal.error ?? closures.error} />;
  const currency = journal.data.currency;
  const method = (m: string) => t(`payments.methods.${m as "cash"}`);
  return (
    <Stack gap="lg">
      <PageTitle title={t("payments.journal.title")} subtitle={t("payments.journal.intro")} />
      <CheckAlert check={journal.data.check} />
      <Group gap="sm">
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t("payments.journal.verify")}
        </Button>
        <Button variant="default" onClick={() => close.mutate()} loading={close.isPending}>
          {t("payments.journal.close")}
        </Button>
      </Group>
      <ErrorAlert error={verify.error ?? close.error} />
      {close.isSuccess && (
        <Alert color="blue" role="status">
          {close.data.closures.length === 0
            ? t("payments.journal.nothingToClose")
            : t("payments.journal.closed", { count: close.data.closures.length })}
        </Alert>
      )}
      <Card withBorder component="section" aria-labelledby="closures-title">
        <Title order={2} size="h4" id="closures-title">
          {t("payments.journal.closures")}
        </Title>
        {closures.data.closures.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("payments.journal.noClosures")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table mt="sm" striped data-testid="closures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("payments.journal.period")}</Table.Th>
                  <Table.Th ta="right">{t("payments.journal.entries")}</Table.Th>
                  {(["cash", "card", "transfer", "cheque"] as const).map((m) => (
                    <Table.Th key={m} ta="right">
                      {method(m)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t("payments.journal.total")}</Table.Th>
                  <Table.Th ta="right">{t("payments.journal.perpetual")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {closures.data.closures.map((c) => (
                  <Table.Tr key={c.seq}>
                    <Table.Td>
                      {t(`payments.journal.kinds.${c.kind}`, {
                        period: periodLabel(c.kind, c.period, f.date),
                      })}
                    </Table.Td>
                    <Table.Td ta="right">{f.num(c.entries)}</Table.Td>
                    {(["cash", "card", "transfer", "cheque"] as const).map((m) => (
                      <Table.Td key={m} ta="right">
                        {f.money(c.byMethod[m], currency)}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{f.money(c.total, currency)}</Table.Td>
                    <Table.Td ta="right">{f.money(c.perpetualTotal, currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="entries-title">
        <Title order={2} size="h4" id="entries-title">
          {t("payments.journal.latest")}
        </Title>
        {journal.data.entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("payments.journal.empty")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table mt="sm" striped data-testid="journal-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("payments.journal.number")}</Table.Th>
                  <Table.Th>{t("payments.journal.recordedAt")}</Table.Th>
                  <Table.Th>{t("payments.invoice")}</Table.Th>
                  <Table.Th>{t("payments.form.method")}</Table.Th>
                  <Table.Th>{t("payments.journal.by")}</Table.Th>
                  <Table.Th ta="right">{t("payments.amount")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {journal.data.entries.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td>{e.seq}</Table.Td>
                    <Table.Td>{f.dateTime(e.recordedAt)}</Table.Td>
                    <Table.Td>{e.invoice}</Table.Td>
                    <Table.Td>{method(e.method)}</Table.Td>
                    <Table.Td>{e.recordedBy.name}</Table.Td>
                    <Table.Td ta="right">{f.money(e.amount, currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Archive />
    </Stack>
  );
}

function periodLabel(kind: string, period: string, date: (iso: string) => string): string {
  return kind === "day" ? date(`${period}T12:00:00Z`) : period;
}

function CheckAlert({ check }: { check: JournalCheckView | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!check) return null;
  if (check.ok)
    return (
      <Alert color="green" role="status" data-testid="journal-check">
        {t("payments.journal.intact", {
          date: f.dateTime(check.checkedAt),
          entries: f.num(check.entries),
          closures: f.num(check.closures),
        })}
      </Alert>
    );
  return (
    <Alert
      color="red"
      role="alert"
      title={t("payments.journal.brokenTitle")}
      data-testid="journal-check"
    >
      <Text size="sm">{t("payments.journal.broken", { date: f.dateTime(check.checkedAt) })}</Text>
      <ul>
        {check.problems.slice(0, 10).map((p) => (
          <li key={`${p.where}-${p.seq}-${p.kind}`}>
            {t(`payments.journal.problems.${p.kind}`, {
              what: t(`payments.journal.where.${p.where}`, { seq: p.seq }),
            })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function Archive() {
  const { t } = useTranslation();
  const org = useOrg();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  return (
    <Card withBorder component="section" aria-labelledby="archive-title">
      <Title order={2} size="h4" id="archive-title">
        {t("payments.journal.archive")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("payments.journal.archiveHelp")}
      </Text>
      <Group mt="sm" align="flex-end">
        <TextInput
          type="date"
          label={t("payments.journal.from")}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("payments.journal.to")}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Anchor href={archiveUrl(org.slug, from, to)} download>
          {t("payments.journal.download")}
        </Anchor>
      </Group>
    </Card>
  );
}
