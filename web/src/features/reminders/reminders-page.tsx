/**
 * Relances: formal notices to confirm, reminders due and to come, those queued or sent, the
 * invoices whose reminders are stopped or paused, and (owners) the schedule and templates.
 * Words never say "sent" for a mail only queued.
 */
import { Alert, Badge, Button, Group, Stack, Table, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RemindersView } from "../../../../src/http/routes/reminders/contract.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { PauseDialog } from "./pause-dialog.tsx";
import { useEndPause, useReminderAction, useReminders } from "./reminder-queries.ts";
import { ReminderSettingsPanel } from "./reminder-settings-panel.tsx";

type Item = RemindersView["due"][number];

function Empty() {
  const { t } = useTranslation();
  return <Text c="dimmed">{t("reminders.none")}</Text>;
}

function ItemsTable(props: {
  org: string;
  currency: string;
  items: Item[];
  actions: "confirm" | "send" | "none";
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const send = useReminderAction(props.org, "send");
  const confirm = useReminderAction(props.org, "confirm");
  const dismiss = useReminderAction(props.org, "dismiss");
  const [pausing, setPausing] = useState<Item | null>(null);
  const failed = send.error ?? confirm.error ?? dismiss.error;
  if (props.items.length === 0) return <Empty />;
  return (
    <Stack gap="sm">
      {props.actions === "confirm" && <Alert color="orange">{t("reminders.confirmText")}</Alert>}
      {failed && (
        <Alert color="red" role="alert">
          {errorMessage(failed)}
        </Alert>
      )}
      {(send.isSuccess || confirm.isSuccess) && (
        <Alert color="blue">
          {t(confirm.isSuccess ? "reminders.confirmed" : "reminders.queued")}
        </Alert>
      )}
      <Table data-testid={props.testId} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("reminders.invoice")}</Table.Th>
            <Table.Th>{t("reminders.customer")}</Table.Th>
            <Table.Th>{t("reminders.level")}</Table.Th>
            <Table.Th ta="right">{t("reminders.balance")}</Table.Th>
            <Table.Th>{t("reminders.dueAt")}</Table.Th>
            {props.actions !== "none" && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((item) => (
            <Table.Tr key={`${item.invoice}-${item.level}`}>
              <Table.Td>{item.invoice}</Table.Td>
              <Table.Td>
                {item.customerName}
                {item.email === null && props.actions === "send" && (
                  <Text size="xs" c="red.9">
                    {t("reminders.noEmail")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`reminders.levels.${item.level}` as "reminders.levels.1")}</Table.Td>
              <Table.Td ta="right">{f.money(item.balance, props.currency)}</Table.Td>
              <Table.Td>{item.dueAt ? f.date(item.dueAt) : ""}</Table.Td>
              {props.actions === "confirm" && (
                <Table.Td>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      color="red"
                      loading={confirm.isPending && confirm.variables === item.invoice}
                      onClick={() => confirm.mutate(item.invoice)}
                    >
                      {t("reminders.confirm")}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => dismiss.mutate(item.invoice)}
                    >
                      {t("reminders.dismiss")}
                    </Button>
                  </Group>
                </Table.Td>
              )}
              {props.actions === "send" && (
                <Table.Td>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      loading={send.isPending && send.variables === item.invoice}
                      onClick={() => send.mutate(item.invoice)}
                    >
                      {t("reminders.sendNow")}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setPausing(item)}>
                      {t("reminders.pause")}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pausing && (
        <PauseDialog
          org={props.org}
          invoice={pausing.invoice}
          customer={pausing.customer}
          customerName={pausing.customerName}
          onClose={() => setPausing(null)}
        />
      )}
    </Stack>
  );
}

function SentTable(props: { view: RemindersView }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (props.view.sent.length === 0) return <Empty />;
  return (
    <Table data-testid="reminders-sent" verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("reminders.invoice")}</Table.Th>
          <Table.Th>{t("reminders.customer")}</Table.Th>
          <Table.Th>{t("reminders.level")}</Table.Th>
          <Table.Th>{t("reminders.at")}</Table.Th>
          <Table.Th>{t("reminders.state")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.view.sent.map((s) => (
          <Table.Tr key={`${s.invoice}-${s.level}`}>
            <Table.Td>{s.invoice}</Table.Td>
            <Table.Td>{s.customerName}</Table.Td>
            <Table.Td>{t(`reminders.levels.${s.level}` as "reminders.levels.1")}</Table.Td>
            <Table.Td>{f.dateTime(s.at)}</Table.Td>
            <Table.Td>
              <Badge color={s.state === "sent" ? "green.8" : "blue.8"} variant="light">
                {t(`reminders.states.${s.state}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function StoppedList(props: { org: string; view: RemindersView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const end = useEndPause(props.org);
  const { stopped, pauses } = props.view;
  return (
    <Stack gap="md">
      {stopped.length === 0 ? (
        <Empty />
      ) : (
        <Table data-testid="reminders-stopped" verticalSpacing="sm">
          <Table.Tbody>
            {stopped.map((s) => (
              <Table.Tr key={s.invoice}>
                <Table.Td>{s.invoice}</Table.Td>
                <Table.Td>{s.customerName}</Table.Td>
                <Table.Td ta="right">{f.money(s.balance, props.view.currency)}</Table.Td>
                <Table.Td>
                  {t(`reminders.reasons.${s.reason}`, {
                    until: s.pauseUntil ? f.date(s.pauseUntil) : "",
                    reason: s.pauseReason ?? "",
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pauses.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t("reminders.pauses")}</Text>
          {pauses.map((p) => (
            <Group key={p.id} justify="space-between">
              <Text size="sm">
                {t(`reminders.pauseOn.${p.scope}`, { target: p.targetName ?? p.target })} —{" "}
                {t("reminders.reasons.paused", { until: f.date(p.until), reason: p.reason })}
              </Text>
              <Button
                size="xs"
                variant="light"
                loading={end.isPending && end.variables === p.id}
                onClick={() => end.mutate(p.id)}
              >
                {t("reminders.resume")}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function RemindersPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const view = useReminders(org.slug);
  if (!org.can.seeScorecards) return <Forbidden />;
  return (
    <Stack gap="lg">
      <PageTitle title={t("reminders.title")} />
      <Text c="dimmed">{t("reminders.intro")}</Text>
      {view.isPending ? (
        <Loading />
      ) : view.isError ? (
        <ErrorState error={view.error} onRetry={view.refetch} />
      ) : (
        <Tabs
          defaultValue={view.data.toConfirm.length > 0 ? "toConfirm" : "due"}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="toConfirm">
              {t("reminders.tabs.toConfirm", { count: view.data.toConfirm.length })}
            </Tabs.Tab>
            <Tabs.Tab value="due">
              {t("reminders.tabs.due", { count: view.data.due.length })}
            </Tabs.Tab>
            <Tabs.Tab value="upcoming">
              {t("reminders.tabs.upcoming", { count: view.data.upcoming.length })}
            </Tabs.Tab>
            <Tabs.Tab value="sent">
              {t("reminders.tabs.sent", { count: view.data.sent.length })}
            </Tabs.Tab>
            <Tabs.Tab value="stopped">
              {t("reminders.tabs.stopped", { count: view.data.stopped.length })}
            </Tabs.Tab>
            <Tabs.Tab value="settings">{t("reminders.tabs.settings")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="toConfirm" pt="md">
            <ItemsTable
              org={org.slug}
              currency={view.data.currency}
              items={view.data.toConfirm}
              actions="confirm"
              testId="reminders-to-confirm"
            />
          </Tabs.Panel>
          <Tabs.Panel value="due" pt="md">
            <ItemsTable
              org={org.slug}
              currency={view.data.currency}
              items={view.data.due}
              actions="send"
              testId="reminders-due"
            />
          </Tabs.Panel>
          <Tabs.Panel value="upcoming" pt="md">
            <ItemsTable
              org={org.slug}
              currency={view.data.currency}
              items={view.data.upcoming}
              actions="send"
              testId="reminders-upcoming"
            />
          </Tabs.Panel>
          <Tabs.Panel value="sent" pt="md">
            <SentTable view={view.data} />
          </Tabs.Panel>
          <Tabs.Panel value="stopped" pt="md">
            <StoppedList org={org.slug} view={view.data} />
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="md">
            <ReminderSettingsPanel org={org.slug} canEdit={org.can.editCharter} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
