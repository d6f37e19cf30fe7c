/**
 * What an empty page says: what will appear here, what to do first, and links to do it.
 * @example <EmptyState title={t("empty.intake.title")} text={t("empty.intake.text")}
 *            actions={<ButtonLink to="/o/$org/intake/new" params={{ org }}>…</ButtonLink>} />
 */
import { Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function EmptyState(props: {
  title: string;
  text: string;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      withBorder
      component="section"
      style={{ borderStyle: "dashed" }}
      data-testid={props.testId ?? "empty-state"}
    >
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4">
          {props.title}
        </Title>
        <Text>{props.text}</Text>
        {props.actions && <Group gap="sm">{props.actions}</Group>}
      </Stack>
    </Card>
  );
}
