/**
 * "Create your workshop": on an empty instance with the setup token (the first account and
 * its workshop together), and for a signed-in user who creates one more organization (once
 * the address is confirmed; until then, the page says so and offers a new link).
 */
import {
  Alert,
  Button,
  Divider,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionResponse } from "../../../../src/http/routes/session/contract.ts";
import { useErrorMessage } from "../../components/states.tsx";
import { homeOf } from "../../router/home-of.ts";
import { AuthFrame } from "./auth-frame.tsx";
import { useCreateOrganization, useResendVerification, useSetup } from "./open-queries.ts";
import { defaultProfile, WorkshopFields } from "./workshop-fields.tsx";

export function SetupPage(props: { token: string | undefined }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const setup = useSetup();
  const [token, setToken] = useState(props.token ?? "");
  const [account, setAccount] = useState({ name: "", email: "", password: "" });
  const [profile, setProfile] = useState(() => defaultProfile(i18n.language));
  return (
    <AuthFrame maw={520}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setup.mutate(
            { token, account, organization: { ...profile, trade: profile.trade || null } },
            {
              // A whole new page: the instance changed (it has an account now), not only the
              // session.
              onSuccess: ({ organization }) =>
                window.location.assign(`/o/${encodeURIComponent(organization.slug)}`),
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t("setup.title")}
          </Title>
          <Text size="sm">{t("setup.text")}</Text>
          {setup.isError && (
            <Alert color="red" role="alert">
              {errorMessage(setup.error)}
            </Alert>
          )}
          <TextInput
            label={t("setup.token")}
            description={t("setup.tokenHint")}
            required
            value={token}
            onChange={(event) => setToken(event.currentTarget.value.trim())}
          />
          <Divider label={t("setup.account")} labelPosition="left" />
          <TextInput
            label={t("signUp.name")}
            autoComplete="name"
            required
            maxLength={100}
            value={account.name}
            onChange={(event) => setAccount({ ...account, name: event.currentTarget.value })}
          />
          <TextInput
            label={t("signUp.email")}
            type="email"
            autoComplete="email"
            required
            value={account.email}
            onChange={(event) => setAccount({ ...account, email: event.currentTarget.value })}
          />
          <PasswordInput
            label={t("signUp.password")}
            description={t("signUp.passwordHint")}
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={128}
            value={account.password}
            onChange={(event) => setAccount({ ...account, password: event.currentTarget.value })}
          />
          <Divider label={t("setup.workshop")} labelPosition="left" />
          <WorkshopFields value={profile} onChange={setProfile} />
          <Button type="submit" loading={setup.isPending} mt="xs">
            {t("setup.submit")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}

export function NewWorkshopPage(props: { user: NonNullable<SessionResponse["user"]> }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateOrganization();
  const resend = useResendVerification();
  const navigate = useNavigate();
  const [profile, setProfile] = useState(() => defaultProfile(i18n.language));
  if (!props.user.emailVerified) {
    return (
      <AuthFrame maw={460}>
        <Stack gap="sm" align="flex-start">
          <Title order={1} size="h2">
            {t("verify.pendingTitle")}
          </Title>
          <Text>{t("verify.pendingText", { email: props.user.email })}</Text>
          {resend.isSuccess && (
            <Alert color="green">{t("verify.resent", { email: props.user.email })}</Alert>
          )}
          <Button
            variant="outline"
            loading={resend.isPending}
            onClick={() => resend.mutate(props.user.email)}
          >
            {t("verify.resend")}
          </Button>
        </Stack>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame maw={520}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { ...profile, trade: profile.trade || null },
            { onSuccess: ({ organization }) => void navigate(homeOf(organization)) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t("workshop.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("workshop.text")}
          </Text>
          {create.isError && (
            <Alert color="red" role="alert">
              {errorMessage(create.error)}
            </Alert>
          )}
          <WorkshopFields value={profile} onChange={setProfile} />
          <Button type="submit" loading={create.isPending} mt="xs">
            {t("workshop.submit")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
