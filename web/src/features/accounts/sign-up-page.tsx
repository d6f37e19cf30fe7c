/** The public sign-up: name, address, password; then "check your mailbox", whatever happened. */
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../components/states.tsx";
import { Link } from "../../router/link.tsx";
import { AuthFrame } from "./auth-frame.tsx";
import { useSignUp } from "./open-queries.ts";

export function SignUpPage(props: { open: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const signUp = useSignUp();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  if (signUp.isSuccess) {
    return (
      <AuthFrame maw={460}>
        <Stack gap="sm" data-testid="sign-up-sent">
          <Title order={1} size="h2">
            {t("signUp.sentTitle")}
          </Title>
          <Text>{t("signUp.sentText", { email })}</Text>
          <Text size="sm" c="dimmed">
            {t("signUp.sentNoMail")}
          </Text>
          <Link to="/sign-in">{t("reset.toSignIn")}</Link>
        </Stack>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame maw={460}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          signUp.mutate({ name, email, password });
        }}
      >
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t("signUp.title")}
          </Title>
          {props.open ? (
            <Text size="sm" c="dimmed">
              {t("signUp.subtitle")}
            </Text>
          ) : (
            <Alert color="yellow">{t("signUp.closed")}</Alert>
          )}
          {signUp.isError && (
            <Alert color="red" role="alert">
              {errorMessage(signUp.error)}
            </Alert>
          )}
          <TextInput
            label={t("signUp.name")}
            autoComplete="name"
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <TextInput
            label={t("signUp.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t("signUp.password")}
            description={t("signUp.passwordHint")}
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={128}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={signUp.isPending} disabled={!props.open} fullWidth mt="xs">
            {t("signUp.submit")}
          </Button>
          <Link to="/sign-in" size="sm">
            {t("signUp.haveAccount")}
          </Link>
        </Stack>
      </form>
    </AuthFrame>
  );
}
