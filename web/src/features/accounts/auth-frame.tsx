/**
 * The frame of the pages a visitor sees before the app (sign-in, invitation): the app's name
 * and tagline beside the language switch, then the page's card; `below` goes under the card.
 */
import { Center, Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../layout/language-switch.tsx";

export function AuthFrame(props: { maw: number; children: ReactNode; below?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w="100%" maw={props.maw} gap="md">
        <Group justify="space-between">
          <div>
            <Text fw={700} size="xl">
              {t("common.appName")}
            </Text>
            <Text size="sm" c="dimmed">
              {t("common.tagline")}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {props.children}
        </Paper>
        {props.below}
      </Stack>
    </Center>
  );
}
