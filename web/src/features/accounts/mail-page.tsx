/**
 * The workshop's mail (owners): its own mail server with "send me a test", and the outbox,
 * each message with what became of it; without a mail server, a message shows its text, so
 * that its link can be passed on by other means.
 */
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  Spoiler,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  MailSettings,
  MailSettingsBody,
  OutboxMail,
} from "../../../../src/http/routes/mail/contract.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import {
  useMailSettings,
  useOutbox,
  useRetryMail,
  useSaveMailSettings,
  useTestMail,
} from "./open-queries.ts";

const STATUS_COLORS: Record<OutboxMail["status"], string> = {
  sent: "green.8",
  waiting: "blue.8",
  failed: "red.8",
  held: "gray.7",
};

function SettingsForm(props: { org: string; current: MailSettings }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveMailSettings(props.org);
  const test = useTestMail(props.org);
  const stored = props.current.settings;
  const [form, setForm] = useState<MailSettingsBody>({
    host: stored?.host ?? "",
    port: stored?.port ?? 587,
    username: stored?.username ?? "",
    sender: stored?.sender ?? "",
  });
  const [password, setPassword] = useState("");
  const set = (patch: Partial<MailSettingsBody>) => setForm({ ...form, ...patch });
  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          test.reset();
          save.mutate({ ...form, ...(password ? { password } : {}) });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("mail.settingsTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("mail.settingsText")}
          </Text>
          {!stored && (
            <Text size="sm">
              {props.current.instanceServer ? t("mail.instance") : t("mail.none")}
            </Text>
          )}
          {save.isError && (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          {save.isSuccess && <Alert color="green">{t("mail.saved")}</Alert>}
          <Group grow align="flex-start">
            <TextInput
              label={t("mail.host")}
              required
              value={form.host}
              onChange={(event) => set({ host: event.currentTarget.value })}
            />
            <NumberInput
              label={t("mail.port")}
              required
              min={1}
              max={65535}
              allowDecimal={false}
              value={form.port}
              onChange={(port) => set({ port: Number(port) })}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t("mail.username")}
              autoComplete="off"
              value={form.username ?? ""}
              onChange={(event) => set({ username: event.currentTarget.value })}
            />
            <PasswordInput
              label={t("mail.password")}
              description={stored?.passwordSet ? t("mail.passwordKept") : undefined}
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
          </Group>
          <TextInput
            label={t("mail.sender")}
            description={t("mail.senderHint")}
            required
            value={form.sender}
            onChange={(event) => set({ sender: event.currentTarget.value })}
          />
          {test.isError && (
            <Alert color="red" role="alert">
              {errorMessage(test.error)}
            </Alert>
          )}
          {test.isSuccess && (
            <Alert color="green">{t("mail.testSent", { email: test.data.to })}</Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("mail.save")}
            </Button>
            <Button
              variant="outline"
              loading={test.isPending}
              disabled={!stored && !props.current.instanceServer}
              onClick={() => test.mutate()}
            >
              {t("mail.test")}
            </Button>
            {stored && (
              <Button variant="subtle" color="red" onClick={() => save.mutate(null)}>
                {t("mail.remove")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function OutboxTable(props: { org: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const outbox = useOutbox(props.org);
  const retry = useRetryMail(props.org);
  if (outbox.isPending) return <Loading />;
  if (outbox.isError) return <ErrorState error={outbox.error} onRetry={outbox.refetch} />;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t("mail.outboxTitle")}
      </Title>
      {outbox.data.items.length === 0 ? (
        <Text c="dimmed">{t("mail.outboxEmpty")}</Text>
      ) : (
        <Table data-testid="outbox-table" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("mail.created")}</Table.Th>
              <Table.Th>{t("mail.to")}</Table.Th>
              <Table.Th>{t("mail.subject")}</Table.Th>
              <Table.Th>{t("mail.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outbox.data.items.map((mail) => (
              <Table.Tr key={mail.id}>
                <Table.Td>{f.dateTime(mail.createdAt)}</Table.Td>
                <Table.Td>{mail.to}</Table.Td>
                <Table.Td>
                  <Text size="sm">{mail.subject}</Text>
                  {mail.attachments > 0 && (
                    <Text size="xs" c="dimmed">
                      {t("mail.attachments", { count: mail.attachments })}
                    </Text>
                  )}
                  {mail.interrupted > 0 && (
                    <Text size="xs" c="orange.9">
                      {t("mail.interrupted")}
                    </Text>
                  )}
                  {mail.status !== "sent" && (
                    <Spoiler maxHeight={0} showLabel={t("mail.show")} hideLabel={t("common.close")}>
                      <Code block>{mail.text}</Code>
                    </Spoiler>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Badge color={STATUS_COLORS[mail.status]} variant="light">
                      {t(`mail.statuses.${mail.status}`)}
                    </Badge>
                    {mail.status !== "sent" && mail.lastError && (
                      <Text size="xs" c="red.9">
                        {t("mail.reason", { reason: mail.lastError })}
                      </Text>
                    )}
                    {mail.status === "failed" && (
                      <Button
                        size="xs"
                        variant="light"
                        loading={retry.isPending && retry.variables === mail.id}
                        onClick={() => retry.mutate(mail.id)}
                      >
                        {t("mail.retry")}
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function MailPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const settings = useMailSettings(org.slug);
  if (!org.can.manageMembers) return <Forbidden />;
  return (
    <Stack gap="lg">
      <PageTitle title={t("mail.title")} />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={settings.refetch} />
      ) : (
        <SettingsForm org={org.slug} current={settings.data} />
      )}
      <OutboxTable org={org.slug} />
    </Stack>
  );
}
