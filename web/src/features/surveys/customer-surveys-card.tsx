/**
 * The customer's surveys on the customer page: each sent (when, which, answered or not), and
 * sending one now by hand, or why it cannot go (no address, opted out, relationship ended,
 * a survey to this address less than 90 days ago). "Queued", never "sent": the outbox
 * delivers it.
 */
import { Button, Card, Group, List, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SURVEY_KINDS, type SurveyKind } from "../../../../src/domain/surveys/survey-kinds.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { useCustomerSurveys, useSendSurvey } from "./survey-queries.ts";

export function CustomerSurveysCard({ customer }: { customer: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const query = useCustomerSurveys(org.slug, customer);
  const send = useSendSurvey(org.slug, customer);
  const [kind, setKind] = useState<SurveyKind>("after_delivery");
  if (!query.data) return null;
  const { surveys, refusal } = query.data;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="surveys-title"
      data-testid="customer-surveys"
    >
      <Title order={2} size="h4" id="surveys-title" mb="xs">
        {t("surveys.card.title")}
      </Title>
      <Stack gap="sm">
        {surveys.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("surveys.card.none")}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {[...surveys].reverse().map((s) => (
              <List.Item key={s.id}>
                {t("surveys.card.item", {
                  kind: t(`surveys.kinds.${s.kind}`),
                  date: f.date(s.sentAt),
                  email: s.email,
                })}{" "}
                —{" "}
                {s.answeredAt
                  ? t("surveys.card.answered", { date: f.date(s.answeredAt) })
                  : t("surveys.card.waiting")}
              </List.Item>
            ))}
          </List>
        )}
        {org.can.recordFacts &&
          (refusal ? (
            <Text size="sm">{t(`surveys.refusal.${refusal}`)}</Text>
          ) : (
            <Group
              component="form"
              align="flex-end"
              gap="sm"
              onSubmit={(e) => {
                e.preventDefault();
                send.mutate({ kind });
              }}
            >
              <NativeSelect
                size="xs"
                label={t("surveys.card.kind")}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as SurveyKind)}
                data={SURVEY_KINDS.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))}
              />
              <Button size="xs" type="submit" variant="default" loading={send.isPending}>
                {t("surveys.card.send")}
              </Button>
            </Group>
          ))}
        {send.isSuccess && (
          <Text size="sm" role="status">
            {t("surveys.card.queued")}
          </Text>
        )}
        <ErrorAlert error={send.error} />
      </Stack>
    </Card>
  );
}
