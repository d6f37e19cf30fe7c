/**
 * The relationship on the customer page: "relationship ended" for everyone (the counter must
 * know), and for managers and owners the recommendation with its evidence and every decision,
 * with its letter as a PDF; the owner ends the relationship, sends the letter, or resumes.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  List,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Decision } from "../../../../src/http/routes/relationships/contract.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { ButtonLink } from "../../router/link.tsx";
import {
  letterPdfUrl,
  useEndedRelationships,
  useRelationship,
  useResume,
  useSendLetter,
} from "./relationship-queries.ts";

/** The customers whose relationship is ended, as a set of ids (empty while loading). */
export function useEndedSet(org: string): ReadonlySet<string> {
  const ended = useEndedRelationships(org);
  return new Set((ended.data?.ended ?? []).map((e) => e.customer));
}

export function EndedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red.9" variant="filled" size="sm" data-testid="relationship-ended">
      {t("relationship.ended")}
    </Badge>
  );
}

/** "Relationship ended on …", and whether the door is open; nothing while it is not ended. */
export function RelationshipEndedAlert(props: { customer: string; intake?: boolean }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const ended = useEndedRelationships(org.slug, props.customer).data?.ended[0];
  if (!ended) return null;
  return (
    <Alert
      color="red"
      role={props.intake ? "alert" : undefined}
      title={t("relationship.ended")}
      data-testid="relationship-ended-alert"
    >
      <Text size="sm">{t("relationship.endedOn", { date: f.date(ended.since) })}</Text>
      {props.intake && <Text size="sm">{t("relationship.endedIntake")}</Text>}
      <Text size="sm">
        {ended.doorOpen
          ? ended.condition
            ? t("relationship.doorOpen", { condition: ended.condition })
            : t("relationship.doorOpenPlain")
          : t("relationship.doorClosed")}
      </Text>
    </Alert>
  );
}

/** Managers and owners: recommendation, decisions, and the owner's actions. */
export function RelationshipPanel(props: {
  customer: string;
  onShowEvidence: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useRelationship(org.slug, props.customer);
  if (!query.data) return null;
  const { recommendation, decisions, status, can } = query.data;
  const recommended = recommendation.segment === "part_ways";
  return (
    <Card withBorder component="section" aria-labelledby="relationship-title">
      <Title order={2} size="h4" id="relationship-title" mb="xs">
        {t("relationship.recommendation")}
      </Title>
      <Stack gap="sm">
        <Text size="sm" data-testid="part-ways-recommendation" data-recommended={recommended}>
          {recommended ? t("relationship.recommended") : t("relationship.noRecommendation")}{" "}
          {recommended && recommendation.evidence.length > 0 && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => props.onShowEvidence(recommendation.evidence)}
            >
              {t("relationship.evidence", { count: recommendation.evidence.length })}
            </Anchor>
          )}
        </Text>
        {can.partWays && status === "active" && (
          <div>
            <ButtonLink
              to="/o/$org/customers/$id/part-ways"
              params={{ org: org.slug, id: props.customer }}
              color="red.8"
              variant={recommended ? "filled" : "outline"}
            >
              {t("relationship.endAction")}
            </ButtonLink>
          </div>
        )}
        <Title order={3} size="h5">
          {t("relationship.decisions")}
        </Title>
        {decisions.length === 0 ? (
          <Text size="sm">{t("relationship.noDecisions")}</Text>
        ) : (
          <List spacing="sm" listStyleType="none" data-testid="decisions">
            {decisions.map((d) => (
              <DecisionItem key={d.id} decision={d} canSend={can.partWays} />
            ))}
          </List>
        )}
        {can.partWays && status === "ended" && <ResumeForm customer={props.customer} />}
      </Stack>
    </Card>
  );
}

function DecisionItem({ decision: d, canSend }: { decision: Decision; canSend: boolean }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const send = useSendLetter(org.slug, d.customer);
  const who = { name: d.decidedBy.name, date: f.instant(d.decidedAt) };
  return (
    <List.Item data-decision={d.kind}>
      <Text size="sm" fw={600}>
        {d.kind === "part_ways"
          ? t("relationship.partedBy", who)
          : t("relationship.resumedBy", who)}
      </Text>
      {d.reason && (
        <Text size="sm">
          {t("relationship.reasonLabel", { reason: t(`relationship.reasons.${d.reason}`) })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {d.explanation}
      </Text>
      {d.kind === "part_ways" && (
        <Text size="sm">
          {d.doorOpen
            ? d.condition
              ? t("relationship.doorOpen", { condition: d.condition })
              : t("relationship.doorOpenPlain")
            : t("relationship.doorClosed")}
        </Text>
      )}
      {d.kind === "part_ways" && (
        <Stack gap={4} mt={4} align="flex-start">
          <Anchor href={letterPdfUrl(org.slug, d.customer, d.id)} target="_blank" size="sm">
            {t("relationship.pdf")}
          </Anchor>
          {canSend && (
            <Button
              variant="default"
              size="xs"
              loading={send.isPending}
              onClick={() => send.mutate(d.id)}
            >
              {t("relationship.send")}
            </Button>
          )}
          {send.data && (
            <Text size="sm" role="status">
              {send.data.delivered
                ? t("relationship.sent", { to: send.data.to })
                : t("relationship.queued", { to: send.data.to })}
            </Text>
          )}
          <ErrorAlert error={send.error} />
        </Stack>
      )}
    </List.Item>
  );
}

function ResumeForm({ customer }: { customer: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const resume = useResume(org.slug, customer);
  const [why, setWhy] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    resume.mutate(why, { onSuccess: () => setWhy("") });
  };
  return (
    <Stack component="form" gap="xs" onSubmit={submit} aria-label={t("relationship.resume")}>
      <Textarea
        label={t("relationship.resumeWhy")}
        required
        autosize
        minRows={2}
        value={why}
        onChange={(e) => setWhy(e.currentTarget.value)}
      />
      <ErrorAlert error={resume.error} />
      <div>
        <Button type="submit" variant="default" disabled={!why.trim()} loading={resume.isPending}>
          {t("relationship.resumeSubmit")}
        </Button>
      </div>
    </Stack>
  );
}
