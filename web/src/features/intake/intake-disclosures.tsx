/**
 * The risks disclosed to the customer, each acknowledged at the counter (a typed name, or a
 * signature drawn on the pad) or
 * through a link sent by e-mail; and the open questions, answered at the counter or reviewed
 * when the customer answered through the link.
 */
import { Badge, Button, Card, Code, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IntakeDetailResponse } from "../../api/intake-types.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { useAckLink, useIntakeAction } from "./intake-queries.ts";
import { SignaturePad } from "./signature-pad.tsx";

type Props = { detail: IntakeDetailResponse; id: string };
type Disclosure = IntakeDetailResponse["disclosures"][number];

export function IntakeDisclosures({ detail, id }: Props) {
  const { t } = useTranslation();
  const org = useOrg();
  const action = useIntakeAction(org.slug, id);
  const [text, setText] = useState("");
  const open = detail.can.edit;
  const waiting = detail.disclosures.some((d) => d.acknowledgedAt === null);
  return (
    <Card withBorder component="section" aria-labelledby="disclosures-title">
      <Title order={2} size="h4" id="disclosures-title" mb="sm">
        {t("intake.detail.disclosures")}
      </Title>
      <Stack gap="sm" data-testid="disclosures">
        {detail.disclosures.length === 0 && <Text>{t("intake.detail.noDisclosure")}</Text>}
        {detail.disclosures.map((d) => (
          <DisclosureRow key={d.id} disclosure={d} id={id} canAcknowledge={open} />
        ))}
        {open && (
          <Group
            component="form"
            align="flex-end"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              action.mutate({ kind: "disclose", text }, { onSuccess: () => setText("") });
            }}
          >
            <TextInput
              label={t("intake.detail.addDisclosure")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: 1 }}
              miw={220}
            />
            <Button type="submit" variant="default" disabled={!text.trim()}>
              {t("intake.detail.add")}
            </Button>
          </Group>
        )}
        <ErrorAlert error={action.error} />
        {open && waiting && <AckLinkForm id={id} />}
      </Stack>
    </Card>
  );
}

function DisclosureRow(props: { disclosure: Disclosure; id: string; canAcknowledge: boolean }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const action = useIntakeAction(org.slug, props.id);
  const [name, setName] = useState("");
  const [signature, setSignature] = useState<string | null>(null);
  const d = props.disclosure;
  const via = d.acknowledgedVia === "link" ? "link" : "counter";
  return (
    <Card
      withBorder
      padding="sm"
      data-disclosure={d.code}
      data-acknowledged={d.acknowledgedAt !== null}
    >
      <Text fw={600}>{d.text}</Text>
      {d.acknowledgedAt ? (
        <Group gap="xs" mt={4}>
          <Badge color="green.8" variant="filled">
            {t(`intake.detail.acknowledgedVia.${via}`)}
          </Badge>
          <Text size="sm">
            {t("intake.detail.acknowledged", {
              date: f.dateTime(d.acknowledgedAt),
              by: d.acknowledgedBy ?? "",
            })}
          </Text>
          {d.signature && (
            <img
              src={d.signature}
              alt={t("intake.detail.signatureOf", { text: d.text })}
              data-testid="signature"
              style={{ maxHeight: 60, maxWidth: 200, border: "1px solid #ddd", borderRadius: 4 }}
            />
          )}
        </Group>
      ) : (
        <Stack gap="xs" mt={4}>
          <Badge color="orange.8" variant="filled">
            {t("intake.detail.notAcknowledged")}
          </Badge>
          {props.canAcknowledge && (
            <Stack
              component="form"
              gap="xs"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                action.mutate({
                  kind: "acknowledge",
                  disclosureId: d.id,
                  name: name.trim(),
                  ...(signature ? { signature } : {}),
                });
              }}
            >
              <SignaturePad onChange={setSignature} />
              <Group align="flex-end">
                <TextInput
                  label={t("intake.detail.typedName")}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  autoComplete="off"
                  style={{ flex: 1 }}
                  miw={200}
                />
                <Button
                  type="submit"
                  disabled={!name.trim() && !signature}
                  loading={action.isPending}
                >
                  {t("intake.detail.acknowledge")}
                </Button>
              </Group>
            </Stack>
          )}
          <ErrorAlert error={action.error} />
        </Stack>
      )}
    </Card>
  );
}

function AckLinkForm({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const send = useAckLink(org.slug, id);
  const [email, setEmail] = useState("");
  return (
    <Stack gap="xs">
      <Group
        component="form"
        align="flex-end"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send.mutate({
            ...(email.trim() ? { email: email.trim() } : {}),
            lang: i18n.language === "en" ? "en" : "fr",
          });
        }}
      >
        <TextInput
          label={t("intake.detail.ackLinkEmail")}
          description={t("intake.detail.ackLink")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          style={{ flex: 1 }}
          miw={220}
        />
        <Button type="submit" variant="default" loading={send.isPending}>
          {t("intake.detail.ackLinkSend")}
        </Button>
      </Group>
      {send.data && (
        <Text size="sm" role="status">
          {t("intake.detail.ackLinkSent", { date: f.dateTime(send.data.expiresAt) })}{" "}
          <Code style={{ wordBreak: "break-all" }}>{send.data.link}</Code>
        </Text>
      )}
      <ErrorAlert error={send.error} />
    </Stack>
  );
}

export function IntakeQuestions({ detail, id }: Props) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const action = useIntakeAction(org.slug, id);
  const [question, setQuestion] = useState("");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const open = detail.can.edit;
  if (!open && detail.questions.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="questions-title">
      <Title order={2} size="h4" id="questions-title" mb="sm">
        {t("intake.detail.questions")}
      </Title>
      <Stack gap="sm">
        {detail.questions.length === 0 && <Text>{t("intake.detail.noQuestion")}</Text>}
        {detail.questions.map((q) => (
          <Card key={q.id} withBorder padding="sm" data-question-open={q.answeredAt === null}>
            <Text fw={600}>{q.text}</Text>
            {q.answer !== null && q.answeredAt ? (
              <Group gap="xs" mt={4} wrap="wrap">
                <Text size="sm">{q.answer}</Text>
                <Text size="sm" c="dimmed">
                  {t("intake.detail.answeredVia", {
                    via: t(`intake.detail.via.${q.answeredVia === "link" ? "link" : "counter"}`),
                    date: f.dateTime(q.answeredAt),
                  })}
                </Text>
                {q.answeredVia === "link" && !q.reviewedAt && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => action.mutate({ kind: "review", questionId: q.id })}
                  >
                    {t("intake.detail.markRead")}
                  </Button>
                )}
              </Group>
            ) : (
              open && (
                <Group
                  component="form"
                  align="flex-end"
                  mt={4}
                  onSubmit={(e: FormEvent) => {
                    e.preventDefault();
                    action.mutate({
                      kind: "answer",
                      questionId: q.id,
                      answer: (answers[q.id] ?? "").trim(),
                    });
                  }}
                >
                  <TextInput
                    label={t("intake.detail.answer")}
                    value={answers[q.id] ?? ""}
                    onChange={(e) => setAnswers({ ...answers, [q.id]: e.currentTarget.value })}
                    style={{ flex: 1 }}
                    miw={200}
                  />
                  <Button type="submit" variant="default" disabled={!(answers[q.id] ?? "").trim()}>
                    {t("intake.detail.saveAnswer")}
                  </Button>
                </Group>
              )
            )}
          </Card>
        ))}
        {open && (
          <Group
            component="form"
            align="flex-end"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              action.mutate({ kind: "ask", text: question }, { onSuccess: () => setQuestion("") });
            }}
          >
            <TextInput
              label={t("intake.detail.ask")}
              value={question}
              onChange={(e) => setQuestion(e.currentTarget.value)}
              style={{ flex: 1 }}
              miw={220}
            />
            <Button type="submit" variant="default" disabled={!question.trim()}>
              {t("intake.detail.add")}
            </Button>
          </Group>
        )}
        <ErrorAlert error={action.error} />
      </Stack>
    </Card>
  );
}
