/**
 * The two forms of the invitation page for a visitor: create the account (name and password;
 * the address is the invitation's and cannot be changed) or sign in to the existing one.
 * A refused field (a short password) is shown on the field itself.
 */
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-client.ts";
import { useErrorMessage } from "../../components/states.tsx";
import { Link } from "../../router/link.tsx";
import type { useJoin } from "./account-queries.ts";

interface FormProps {
  email: string;
  header: ReactNode;
  join: ReturnType<typeof useJoin>;
}

/** The error of the join, split into the one of a field and the one above the form. */
function useJoinError(join: FormProps["join"]) {
  const errorMessage = useErrorMessage();
  const error = join.isError ? join.error : null;
  const field = error instanceof ApiError ? error.field : undefined;
  const message = error ? errorMessage(error) : null;
  return {
    of: (name: string) => (field === name && message ? message : undefined),
    general: field === "name" || field === "password" ? null : message,
  };
}

/** A form under the invitation's header: its title and text, the general error, its fields. */
function JoinForm(props: {
  header: ReactNode;
  title: string;
  text: string;
  error: string | null;
  submit: string;
  pending: boolean;
  onSubmit(): void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <Stack gap="sm">
        {props.header}
        <Title order={2} size="h4">
          {props.title}
        </Title>
        <Text size="sm" c="dimmed">
          {props.text}
        </Text>
        {props.error && (
          <Alert color="red" role="alert">
            {props.error}
          </Alert>
        )}
        {props.children}
        <Button type="submit" loading={props.pending} fullWidth mt="xs">
          {props.submit}
        </Button>
      </Stack>
    </form>
  );
}

export function InvitationSignUp(
  props: FormProps & { onSubmit(name: string, password: string): void },
) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const error = useJoinError(props.join);
  return (
    <JoinForm
      header={props.header}
      title={t("invitation.signUpTitle")}
      text={t("invitation.signUpText")}
      error={error.general}
      submit={t("invitation.signUp")}
      pending={props.join.isPending}
      onSubmit={() => props.onSubmit(name, password)}
    >
      <TextInput label={t("invitation.email")} type="email" value={props.email} readOnly />
      <TextInput
        label={t("invitation.name")}
        autoComplete="name"
        required
        maxLength={100}
        value={name}
        error={error.of("name")}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <PasswordInput
        label={t("invitation.password")}
        description={t("invitation.passwordHint")}
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        value={password}
        error={error.of("password")}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
    </JoinForm>
  );
}

export function InvitationSignIn(props: FormProps & { onSubmit(password: string): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const error = useJoinError(props.join);
  return (
    <JoinForm
      header={props.header}
      title={t("invitation.signInTitle")}
      text={t("invitation.signInText")}
      error={error.general}
      submit={t("invitation.signIn")}
      pending={props.join.isPending}
      onSubmit={() => props.onSubmit(password)}
    >
      <TextInput
        label={t("invitation.email")}
        type="email"
        autoComplete="username"
        value={props.email}
        readOnly
      />
      <PasswordInput
        label={t("invitation.password")}
        autoComplete="current-password"
        required
        value={password}
        error={error.of("password")}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
      <Link to="/forgot-password" size="sm">
        {t("signUp.forgot")}
      </Link>
    </JoinForm>
  );
}
