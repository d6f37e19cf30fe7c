/** Email and password sign-in; in demo mode, the demo owner's credentials are shown. */
import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionResponse } from "../../../../src/http/routes/session/contract.ts";
import { ApiError } from "../../api/api-client.ts";
import { useSignIn } from "../../api/session-queries.ts";
import { Link } from "../../router/link.tsx";
import { AuthFrame } from "./auth-frame.tsx";

const route = getRouteApi("/sign-in");

export function SignInPage(props: {
  demo: SessionResponse["demo"];
  signUp?: SessionResponse["instance"]["signUp"];
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useSignIn();
  // `next` is a path of ours (checked by the route's search schema), with its own search.
  const { next } = route.useSearch();
  const navigate = useNavigate();

  const errorText = (error: unknown) =>
    error instanceof ApiError && error.status === 429
      ? t("signIn.rateLimited")
      : t("signIn.failed");

  return (
    <AuthFrame
      maw={420}
      below={
        props.demo && (
          <Paper withBorder p="md" radius="md" bg="indigo.0" data-testid="demo-credentials">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t("signIn.demoTitle")}
              </Title>
              <Text size="sm">{t("signIn.demoText")}</Text>
              <Text size="sm">
                <Code>{props.demo.email}</Code> / <Code>{props.demo.password}</Code>
              </Text>
              <Button
                variant="outline"
                size="xs"
                onClick={() => {
                  if (!props.demo) return;
                  setEmail(props.demo.email);
                  setPassword(props.demo.password);
                }}
              >
                {t("signIn.useDemo")}
              </Button>
            </Stack>
          </Paper>
        )
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate(
            { email, password },
            { onSuccess: () => (next ? navigate({ href: next }) : navigate({ to: "/" })) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t("signIn.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("signIn.subtitle")}
          </Text>
          {signIn.isError && (
            <Alert color="red" role="alert">
              {errorText(signIn.error)}
            </Alert>
          )}
          <TextInput
            label={t("signIn.email")}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t("signIn.password")}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            {t("signIn.submit")}
          </Button>
          <Group justify="space-between">
            <Link to="/forgot-password" size="sm">
              {t("signUp.forgot")}
            </Link>
            {props.signUp !== "invite" && (
              <Link to="/sign-up" size="sm">
                {t("signUp.link")}
              </Link>
            )}
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
