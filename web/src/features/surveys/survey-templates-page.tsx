/**
 * The questions of the three surveys in French and English (managers read, the owner edits):
 * the recommend question, the open question and up to three optional ones.
 */
import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SurveyTemplatesResponse } from "../../../../src/http/routes/surveys/contract.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading } from "../../components/states.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { useSaveSurveyTemplate, useSurveyTemplates } from "./survey-queries.ts";

type Template = SurveyTemplatesResponse["templates"][number];

export function SurveyTemplatesPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useSurveyTemplates(org.slug);
  if (!org.can.seeCharter) return <Forbidden />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  return (
    <Stack gap="lg">
      <PageTitle title={t("surveys.page.title")} subtitle={t("surveys.page.intro")} />
      {!org.can.editCharter && <Text>{t("surveys.page.readOnly")}</Text>}
      {query.data.templates.map((tpl) => (
        <TemplateForm key={`${tpl.kind}-${tpl.lang}-${tpl.recommend}`} template={tpl} />
      ))}
    </Stack>
  );
}

function TemplateForm({ template }: { template: Template }) {
  const { t } = useTranslation();
  const org = useOrg();
  const save = useSaveSurveyTemplate(org.slug);
  const [recommend, setRecommend] = useState(template.recommend);
  const [open, setOpen] = useState(template.open);
  // Each optional question with a key of its own, so that removing one keeps the others' fields.
  const [extra, setExtra] = useState(() => template.extra.map((text, key) => ({ key, text })));
  const [nextKey, setNextKey] = useState(template.extra.length);
  const readOnly = !org.can.editCharter;
  const id = `tpl-${template.kind}-${template.lang}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      kind: template.kind,
      lang: template.lang,
      recommend,
      open,
      extra: extra.map((q) => q.text),
    });
  };
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={id}>
          {t(`surveys.kinds.${template.kind}`)} · {t(`surveys.page.lang.${template.lang}`)}
        </Title>
        <Badge variant="light" color={template.custom ? "indigo" : "gray"}>
          {template.custom ? t("surveys.page.custom") : t("surveys.page.defaults")}
        </Badge>
      </Group>
      <Stack component="form" gap="xs" onSubmit={submit}>
        <TextInput
          label={t("surveys.page.recommend")}
          value={recommend}
          readOnly={readOnly}
          maxLength={300}
          onChange={(e) => setRecommend(e.currentTarget.value)}
        />
        <TextInput
          label={t("surveys.page.open")}
          value={open}
          readOnly={readOnly}
          maxLength={300}
          onChange={(e) => setOpen(e.currentTarget.value)}
        />
        {extra.map((q, i) => (
          <Group key={q.key} align="flex-end" gap="xs">
            <TextInput
              style={{ flex: 1 }}
              label={t("surveys.page.extra", { n: i + 1 })}
              value={q.text}
              readOnly={readOnly}
              maxLength={300}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setExtra((list) => list.map((x) => (x.key === q.key ? { ...x, text: value } : x)));
              }}
            />
            {!readOnly && (
              <Button
                variant="subtle"
                color="gray"
                onClick={() => setExtra((list) => list.filter((x) => x.key !== q.key))}
              >
                {t("surveys.page.removeExtra")}
              </Button>
            )}
          </Group>
        ))}
        {!readOnly && (
          <Group>
            {extra.length < 3 && (
              <Button
                variant="default"
                onClick={() => {
                  setExtra((list) => [...list, { key: nextKey, text: "" }]);
                  setNextKey((k) => k + 1);
                }}
              >
                {t("surveys.page.addExtra")}
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              {t("surveys.page.save")}
            </Button>
            {save.isSuccess && (
              <Text size="sm" role="status">
                {t("surveys.page.saved")}
              </Text>
            )}
          </Group>
        )}
        <ErrorAlert error={save.error} />
      </Stack>
    </Card>
  );
}
