/**
 * "Ce que vous changez": changes decided because of themes (managers and owners record them),
 * marked done or declined with the reason, and how many people were told: "en file d'attente"
 * until the mail server accepted the e-mail, never "sent" before (docs/themes.md).
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  ThemeChangeView,
  ThemesResponse,
} from "../../../../src/http/routes/themes/contract.ts";
import { ErrorState, Loading, useErrorMessage } from "../../components/states.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { useDecideChange, useRecordChange, useThemeChanges } from "./themes-queries.ts";

type Status = "planned" | "done" | "declined";
const STATUS_COLOR: Record<Status, string> = { planned: "gray", done: "teal", declined: "orange" };

export function ThemeChanges({ codebook }: { codebook: ThemesResponse["codebook"] }) {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useThemeChanges(org.slug, org.can.seeThemes);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const { changes, can } = query.data;
  return (
    <Stack gap="sm" data-testid="theme-changes">
      <Title order={2} size="h3">
        {t("themes.changes.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("themes.changes.intro")}
      </Text>
      {can.recordChanges && <RecordChangeForm codebook={codebook} />}
      {changes.length === 0 ? (
        <Text size="sm">{t("themes.changes.empty")}</Text>
      ) : (
        changes.map((c) => <ChangeCard key={c.id} change={c} canDecide={can.recordChanges} />)
      )}
    </Stack>
  );
}

function RecordChangeForm({ codebook }: { codebook: ThemesResponse["codebook"] }) {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const errorMessage = useErrorMessage();
  const lang = i18n.language === "en" ? "en" : "fr";
  const [text, setText] = useState("");
  const [themes, setThemes] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>("planned");
  const [reason, setReason] = useState("");
  const record = useRecordChange(org.slug);
  return (
    <Card withBorder padding="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate(
            { text, themes, status, reason: status === "declined" ? reason : undefined },
            {
              onSuccess: () => {
                setText("");
                setThemes([]);
                setStatus("planned");
                setReason("");
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t("themes.changes.text")}
            placeholder={t("themes.changes.textPlaceholder")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required
            maxLength={500}
            autosize
            minRows={2}
          />
          <Checkbox.Group
            label={t("themes.changes.themes")}
            value={themes}
            onChange={setThemes}
            required
          >
            <Group gap="sm" mt={4}>
              {codebook.themes.map((th) => (
                <Checkbox key={th.id} value={th.id} label={th.label[lang]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Radio.Group
            label={t("themes.changes.status")}
            value={status}
            onChange={(v) => setStatus(v as Status)}
          >
            <Group gap="sm" mt={4}>
              {(["planned", "done", "declined"] as const).map((s) => (
                <Radio key={s} value={s} label={t(`themes.changes.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          {status === "declined" && (
            <Textarea
              label={t("themes.changes.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              maxLength={500}
              autosize
            />
          )}
          <Group>
            <Button type="submit" loading={record.isPending} disabled={themes.length === 0}>
              {t("themes.changes.record")}
            </Button>
            {record.isSuccess && (
              <Text size="sm" role="status">
                {t("themes.changes.recorded")}
              </Text>
            )}
          </Group>
          {record.error && <Alert color="red">{errorMessage(record.error)}</Alert>}
        </Stack>
      </form>
    </Card>
  );
}

function ChangeCard({ change, canDecide }: { change: ThemeChangeView; canDecide: boolean }) {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const errorMessage = useErrorMessage();
  const decide = useDecideChange(org.slug);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const n = change.notices;
  return (
    <Card withBorder padding="md" data-testid={`theme-change-${change.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="baseline" wrap="nowrap">
          <Text fw={600}>{change.text}</Text>
          <Badge color={STATUS_COLOR[change.status]} variant="light" style={{ flexShrink: 0 }}>
            {t(`themes.changes.${change.status}`)}
          </Badge>
        </Group>
        <Group gap={6}>
          {change.themes.map((th) => (
            <Badge key={th.id} variant="outline">
              {th.label}
            </Badge>
          ))}
        </Group>
        {change.reason && (
          <Text size="sm">{t("themes.changes.why", { reason: change.reason })}</Text>
        )}
        <Text size="sm" c="dimmed">
          {change.status === "planned"
            ? t("themes.changes.waitingPlanned")
            : n.people === 0
              ? t("themes.changes.nobody")
              : [
                  t("themes.changes.toldPeople", { count: n.people }),
                  ...(
                    [
                      [n.sent, "themes.changes.toldSent"],
                      [n.queued, "themes.changes.toldQueued"],
                      [n.waiting, "themes.changes.toldWaiting"],
                    ] as const
                  )
                    .filter(([count]) => count > 0)
                    .map(([count, key]) => t(key, { count })),
                ].join(i18n.language === "en" ? "; " : " ; ")}
        </Text>
        {canDecide && change.status === "planned" && !declining && (
          <Group>
            <Button
              size="xs"
              loading={decide.isPending}
              onClick={() => decide.mutate({ id: change.id, status: "done" })}
            >
              {t("themes.changes.markDone")}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDeclining(true)}>
              {t("themes.changes.decline")}
            </Button>
          </Group>
        )}
        {declining && change.status === "planned" && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              decide.mutate({ id: change.id, status: "declined", reason });
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t("themes.changes.reason")}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                maxLength={500}
                autosize
                data-autofocus
              />
              <Group>
                <Button type="submit" size="xs" color="orange" loading={decide.isPending}>
                  {t("themes.changes.confirmDecline")}
                </Button>
                <Button size="xs" variant="default" onClick={() => setDeclining(false)}>
                  {t("themes.changes.cancel")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {decide.error && <Alert color="red">{errorMessage(decide.error)}</Alert>}
      </Stack>
    </Card>
  );
}
