/**
 * The dashboard's checklist for a new organization: the identity, three services, customers,
 * a first intake, each with a link to do it. Gone once all four are done.
 */
import { Card, Group, List, Progress, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FirstStepsResponse } from "../../../../src/http/routes/identity/contract.ts";
import { useOrg } from "../../layout/org-context.ts";
import { ButtonLink } from "../../router/link.tsx";
import { useFirstSteps } from "./identity-queries.ts";

type Step = FirstStepsResponse["steps"][number]["step"];

export function FirstStepsCard() {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useFirstSteps(org.slug);
  if (!query.data || query.data.done) return null;
  const { steps, services, servicesNeeded } = query.data;
  const done = steps.filter((s) => s.done).length;
  const params = { org: org.slug };
  const action: Record<Step, ReactNode> = {
    identity: org.can.editIdentity ? (
      <ButtonLink size="xs" variant="light" to="/o/$org/identity" params={params}>
        {t("firstSteps.identity.action")}
      </ButtonLink>
    ) : (
      <Text size="sm" c="dimmed">
        {t("firstSteps.ownerDoes")}
      </Text>
    ),
    services: (
      <ButtonLink size="xs" variant="light" to="/o/$org/catalogue" params={params}>
        {t("firstSteps.services.action")}
      </ButtonLink>
    ),
    customers: org.can.importFacts && (
      <ButtonLink size="xs" variant="light" to="/o/$org/import" params={params}>
        {t("firstSteps.customers.action")}
      </ButtonLink>
    ),
    intake: (
      <ButtonLink size="xs" variant="light" to="/o/$org/intake/new" params={params}>
        {t("firstSteps.intake.action")}
      </ButtonLink>
    ),
  };
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="first-steps-title"
      data-testid="first-steps"
    >
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h4" id="first-steps-title">
            {t("firstSteps.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("firstSteps.intro")}
          </Text>
        </div>
        <Text size="sm" fw={600} data-testid="first-steps-progress">
          {t("firstSteps.progress", { done, total: steps.length })}
        </Text>
      </Group>
      <Progress
        value={(done / steps.length) * 100}
        mb="md"
        aria-label={t("firstSteps.progress", { done, total: steps.length })}
      />
      <List spacing="md" listStyleType="none" p={0}>
        {steps.map(({ step, done: isDone }) => (
          <List.Item key={step} data-step={step} data-done={isDone}>
            <Stack gap={4}>
              <Group gap="xs">
                <Text
                  size="sm"
                  fw={700}
                  c={isDone ? "dark" : "dimmed"}
                  miw={70}
                  data-testid="first-step-state"
                >
                  {isDone ? `✓ ${t("firstSteps.done")}` : t("firstSteps.todo")}
                </Text>
                <Text fw={600} td={isDone ? "line-through" : undefined}>
                  {t(`firstSteps.${step}.label`)}
                </Text>
              </Group>
              {!isDone && (
                <Group gap="sm">
                  <Text size="sm">
                    {t(`firstSteps.${step}.help`, { count: services, needed: servicesNeeded })}
                  </Text>
                  {action[step]}
                </Group>
              )}
            </Stack>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
