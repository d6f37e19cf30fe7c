import { Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The page's h1, with an optional line under it and actions on the right. */
export function PageTitle(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
      <div>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {props.subtitle && (
          <Text size="sm" c="dimmed">
            {props.subtitle}
          </Text>
        )}
      </div>
      {props.actions}
    </Group>
  );
}
