/**
 * "End the relationship" (owner only): a reason from a short list, the owner's explanation,
 * the evidence picked from the timeline (prefilled with the recommendation's), whether the door
 * stays open (closed by default for abusive behaviour) and on what condition, then the letter
 * drafted from the template in the customer's language, editable before confirming.
 */
import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { PARTING_REASONS, type PartingReason } from "../../../../src/domain/relationship.ts";
import type { CustomerResponse } from "../../../../src/http/routes/customers/contract.ts";
import type { RelationshipResponse } from "../../../../src/http/routes/relationships/contract.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { useCustomer } from "../customers/customer-queries.ts";
import { fieldError } from "./incident-new-page.tsx";
import { useDraftLetter, usePartWays, useRelationship } from "./relationship-queries.ts";

export function PartWaysPage({ id }: { id: string }) {
  const org = useOrg();
  const customer = useCustomer(org.slug, id);
  const relationship = useRelationship(org.slug, id, org.can.partWays);
  if (!org.can.partWays) return <Forbidden />;
  if (customer.isPending || relationship.isPending) return <Loading />;
  if (customer.isError) return <ErrorState error={customer.error} onRetry={customer.refetch} />;
  if (relationship.isError)
    return <ErrorState error={relationship.error} onRetry={relationship.refetch} />;
  return <PartWaysForm customer={customer.data} relationship={relationship.data} />;
}

function PartWaysForm(props: { customer: CustomerResponse; relationship: RelationshipResponse }) {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const f = useFormat();
  const { customer, timeline } = props.customer;
  const { recommendation, conditions } = props.relationship;
  const [reason, setReason] = useState<PartingReason | "">(recommendation.reason ?? "");
  const [explanation, setExplanation] = useState("");
  const [evidence, setEvidence] = useState<string[]>(recommendation.evidence);
  const [door, setDoor] = useState<"open" | "closed" | null>(null);
  const [condition, setCondition] = useState<string | null>(null);
  const [lang, setLang] = useState<"fr" | "en">(props.relationship.lang);
  const [letter, setLetter] = useState("");
  const draft = useDraftLetter(org.slug, customer.id);
  const partWays = usePartWays(org.slug, customer.id);

  // Until the owner chooses, the door follows the reason: closed for abusive behaviour.
  const doorValue = door ?? (reason === "abusive" ? "closed" : "open");
  const doorOpen = doorValue === "open";
  const conditionValue = condition ?? (reason ? (conditions[reason] ?? "") : "");
  const ended = props.relationship.status === "ended";

  const drafting = () => {
    if (!reason) return;
    draft.mutate(
      {
        reason,
        explanation,
        doorOpen,
        lang,
        ...(doorOpen && conditionValue.trim() ? { condition: conditionValue.trim() } : {}),
      },
      { onSuccess: (data) => setLetter(data.text) },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason || !letter.trim()) return;
    partWays.mutate(
      {
        reason,
        explanation,
        evidence,
        doorOpen,
        lang,
        letter,
        ...(doorOpen && conditionValue.trim() ? { condition: conditionValue.trim() } : {}),
      },
      {
        onSuccess: () =>
          navigate({ to: "/o/$org/customers/$id", params: { org: org.slug, id: customer.id } }),
      },
    );
  };

  return (
    <Stack gap="md" maw={860}>
      <div>
        <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: customer.id }} size="sm">
          ← {t("relationship.form.back")}
        </Link>
      </div>
      <PageTitle
        title={t("relationship.form.title", { name: customer.name })}
        subtitle={t("relationship.form.intro")}
      />
      {recommendation.segment === "part_ways" && (
        <Text size="sm">{t("relationship.recommended")}</Text>
      )}
      <Card withBorder>
        <Stack
          component="form"
          gap="md"
          onSubmit={submit}
          aria-label={t("relationship.form.title", { name: customer.name })}
        >
          <Radio.Group
            label={t("relationship.form.reason")}
            value={reason}
            onChange={(v) => setReason(v as PartingReason)}
            required
            error={fieldError(partWays.error, "reason")}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {PARTING_REASONS.map((r) => (
                <Radio key={r} value={r} label={t(`relationship.reasons.${r}`)} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <Textarea
            label={t("relationship.form.explanation")}
            description={t("relationship.form.explanationHelp")}
            required
            autosize
            minRows={3}
            value={explanation}
            onChange={(e) => setExplanation(e.currentTarget.value)}
            error={fieldError(partWays.error, "explanation")}
          />
          <Checkbox.Group
            label={t("relationship.form.evidence")}
            description={t("relationship.form.evidenceHelp")}
            value={evidence}
            onChange={setEvidence}
            error={fieldError(partWays.error, "evidence")}
          >
            {timeline.length === 0 ? (
              <Text size="sm">{t("relationship.form.noFacts")}</Text>
            ) : (
              <Stack gap={6} mt="xs" data-testid="evidence-list">
                {timeline
                  .filter((entry) => entry.type !== "customer")
                  .map((entry) => (
                    <Checkbox
                      key={`${entry.type}:${entry.id}`}
                      value={entry.id}
                      label={`${t(`facts.${entry.type}` as "facts.order", { defaultValue: entry.type })} ${entry.id} · ${f.date(entry.at)}${
                        typeof entry.fields.text === "string" ? ` · ${entry.fields.text}` : ""
                      }`}
                    />
                  ))}
              </Stack>
            )}
          </Checkbox.Group>
          <Radio.Group
            label={t("relationship.form.door")}
            value={doorValue}
            onChange={(v) => setDoor(v as "open" | "closed")}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="open" label={t("relationship.form.open")} />
              <Radio value="closed" label={t("relationship.form.closed")} />
            </Stack>
          </Radio.Group>
          {doorOpen && (
            <TextInput
              label={t("relationship.form.condition")}
              description={t("relationship.form.conditionHelp")}
              value={conditionValue}
              onChange={(e) => setCondition(e.currentTarget.value)}
              error={fieldError(partWays.error, "condition")}
            />
          )}
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t("relationship.form.lang")}
              value={lang}
              onChange={(e) => setLang(e.currentTarget.value as "fr" | "en")}
              data={[
                { value: "fr", label: "Français" },
                { value: "en", label: "English" },
              ]}
            />
            <Button
              variant="default"
              onClick={drafting}
              disabled={!reason}
              loading={draft.isPending}
            >
              {letter ? t("relationship.form.redraft") : t("relationship.form.draft")}
            </Button>
          </Group>
          <ErrorAlert error={draft.error} />
          <Textarea
            label={t("relationship.form.letter")}
            description={t("relationship.form.letterHelp")}
            autosize
            minRows={8}
            value={letter}
            onChange={(e) => setLetter(e.currentTarget.value)}
            error={fieldError(partWays.error, "letter")}
            data-testid="letter"
          />
          {!letter.trim() && (
            <Text size="sm" c="dimmed">
              {t("relationship.form.needLetter")}
            </Text>
          )}
          <ErrorAlert error={partWays.error} />
          <div>
            <Button
              type="submit"
              color="red.8"
              disabled={ended || !reason || !letter.trim() || !explanation.trim()}
              loading={partWays.isPending}
            >
              {t("relationship.form.submit")}
            </Button>
          </div>
        </Stack>
      </Card>
    </Stack>
  );
}
