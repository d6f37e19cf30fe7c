/**
 * The owner's schedule and templates, French and English, one level at a time, with a preview
 * of the template as a customer would read it (a person or a business).
 */
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  ReminderSettingsBody,
  ReminderSettingsView,
} from "../../../../src/http/routes/reminders/contract.ts";
import { ErrorState, Loading, useErrorMessage } from "../../components/states.tsx";
import { usePreview, useReminderSettings, useSaveReminderSettings } from "./reminder-queries.ts";

type Level = "0" | "1" | "2" | "3";
const LEVELS: Level[] = ["0", "1", "2", "3"];

export function ReminderSettingsPanel(props: { org: string; canEdit: boolean }) {
  const settings = useReminderSettings(props.org);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={settings.refetch} />;
  return <SettingsForm org={props.org} canEdit={props.canEdit} current={settings.data} />;
}

function SettingsForm(props: { org: string; canEdit: boolean; current: ReminderSettingsView }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveReminderSettings(props.org);
  const preview = usePreview(props.org);
  const [form, setForm] = useState<ReminderSettingsBody>({
    schedule: props.current.schedule,
    templates: props.current.templates,
  });
  const [lang, setLang] = useState<"fr" | "en">("fr");
  const [level, setLevel] = useState<Level>("1");
  const [kind, setKind] = useState<"person" | "business">("business");
  const template = form.templates[lang][level];
  const setTemplate = (part: "subject" | "body", value: string) =>
    setForm((f) => ({
      ...f,
      templates: {
        ...f.templates,
        [lang]: { ...f.templates[lang], [level]: { ...f.templates[lang][level], [part]: value } },
      },
    }));
  const days = form.schedule.levelDays;
  const setDay = (i: 0 | 1 | 2, v: number) => {
    const next: [number, number, number] = [days[0], days[1], days[2]];
    next[i] = v;
    setForm((f) => ({ ...f, schedule: { ...f.schedule, levelDays: next } }));
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(form);
      }}
    >
      <Stack gap="lg">
        {!props.canEdit && <Alert color="gray">{t("reminders.ownersOnly")}</Alert>}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t("reminders.schedule")}
            </Title>
            <Checkbox
              label={t("reminders.courtesy")}
              checked={form.schedule.courtesyDaysBefore !== null}
              disabled={!props.canEdit}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setForm((f) => ({
                  ...f,
                  schedule: { ...f.schedule, courtesyDaysBefore: on ? 3 : null },
                }));
              }}
            />
            {form.schedule.courtesyDaysBefore !== null && (
              <NumberInput
                label={t("reminders.courtesyDays")}
                min={1}
                max={30}
                disabled={!props.canEdit}
                value={form.schedule.courtesyDaysBefore}
                onChange={(v) =>
                  setForm((f) => ({
                    ...f,
                    schedule: { ...f.schedule, courtesyDaysBefore: Number(v) || 1 },
                  }))
                }
              />
            )}
            <Group grow align="flex-start">
              {([0, 1, 2] as const).map((i) => (
                <NumberInput
                  key={i}
                  label={t("reminders.levelDays", {
                    level: t(`reminders.levels.${i + 1}` as "reminders.levels.1"),
                  })}
                  min={0}
                  max={365}
                  disabled={!props.canEdit}
                  value={days[i]}
                  onChange={(v) => setDay(i, Number(v) || 0)}
                />
              ))}
            </Group>
            <NumberInput
              label={t("reminders.minGap")}
              min={1}
              max={60}
              disabled={!props.canEdit}
              value={form.schedule.minGapDays}
              onChange={(v) =>
                setForm((f) => ({ ...f, schedule: { ...f.schedule, minGapDays: Number(v) || 1 } }))
              }
            />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t("reminders.templates")}
            </Title>
            <Group>
              <SegmentedControl
                aria-label={t("reminders.lang")}
                value={lang}
                onChange={(v) => setLang(v === "en" ? "en" : "fr")}
                data={[
                  { value: "fr", label: t("reminders.langs.fr") },
                  { value: "en", label: t("reminders.langs.en") },
                ]}
              />
              <SegmentedControl
                aria-label={t("reminders.level")}
                value={level}
                onChange={(v) => setLevel(v as Level)}
                data={LEVELS.map((l) => ({ value: l, label: t(`reminders.levels.${l}`) }))}
              />
            </Group>
            <TextInput
              label={t("reminders.subject")}
              disabled={!props.canEdit}
              value={template.subject}
              onChange={(e) => setTemplate("subject", e.currentTarget.value)}
            />
            <Textarea
              label={t("reminders.body")}
              autosize
              minRows={8}
              disabled={!props.canEdit}
              value={template.body}
              onChange={(e) => setTemplate("body", e.currentTarget.value)}
            />
            <Text size="xs" c="dimmed">
              {t("reminders.fields", {
                fields: props.current.fields.map((f) => `{{${f}}}`).join(", "),
              })}
            </Text>
            {props.canEdit && (
              <Group>
                <Text size="sm">{t("reminders.previewFor")}</Text>
                <SegmentedControl
                  value={kind}
                  onChange={(v) => setKind(v === "person" ? "person" : "business")}
                  data={[
                    { value: "business", label: t("reminders.kinds.business") },
                    { value: "person", label: t("reminders.kinds.person") },
                  ]}
                />
                <Button
                  variant="light"
                  loading={preview.isPending}
                  onClick={() =>
                    preview.mutate({
                      level: Number(level),
                      lang,
                      kind,
                      subject: template.subject,
                      body: template.body,
                    })
                  }
                >
                  {t("reminders.preview")}
                </Button>
              </Group>
            )}
            {preview.isError && (
              <Text c="red.9" size="sm" role="alert">
                {errorMessage(preview.error)}
              </Text>
            )}
            {preview.data && (
              <Paper withBorder p="sm" bg="gray.0" data-testid="reminder-preview">
                <Text fw={600}>{preview.data.subject}</Text>
                <Code block>{preview.data.text}</Code>
              </Paper>
            )}
          </Stack>
        </Paper>
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        {save.isSuccess && <Alert color="green">{t("reminders.settingsSaved")}</Alert>}
        {props.canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("reminders.saveSettings")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
