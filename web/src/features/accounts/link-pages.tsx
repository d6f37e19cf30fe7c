/**
 * The pages the mailed links open: confirming the address (one click, so that a mail scanner
 * following links confirms nothing), and choosing a new password; and "forgot password".
 */
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-client.ts";
import { useErrorMessage } from "../../components/states.tsx";
import { Link } from "../../router/link.tsx";
import { AuthFrame } from "./auth-frame.tsx";
import { useForgotPassword, useResetPassword, useVerifyEmail } from "./open-queries.ts";

export function VerifyEmailPage(props: { token: string | undefined }) {
  const { t } = useTranslation();
  const verify = useVerifyEmail();
  const navigate = useNavigate();
  const gone =
    !props.token || (verify.error instanceof ApiError && verify.error.code === "LINK_INVALID");
  return (
    <AuthFrame maw={460}>
      <Stack gap="sm" align="flex-start">
        <Title order={1} size="h2">
          {t("verify.title")}
        </Title>
        {gone ? (
          <>
            <Alert color="red" role="alert" w="100%">
              {t("verify.invalid")}
            </Alert>
            <Link to="/sign-in">{t("reset.toSignIn")}</Link>
          </>
        ) : (
          <>
            <Text>{t("verify.text")}</Text>
            <Button
              loading={verify.isPending}
              onClick={() =>
                verify.mutate(props.token ?? "", {
                  onSuccess: () => void navigate({ to: "/", replace: true }),
                })
              }
            >
              {t("verify.submit")}
            </Button>
          </>
        )}
      </Stack>
    </AuthFrame>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState("");
  return (
    <AuthFrame maw={460}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          forgot.mutate(email);
        }}
      >
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t("forgot.title")}
          </Title>
          <Text size="sm">{t("forgot.text")}</Text>
          {forgot.isSuccess && <Alert color="green">{t("forgot.sent", { email })}</Alert>}
          {forgot.isError && (
            <Alert color="red" role="alert">
              {errorMessage(forgot.error)}
            </Alert>
          )}
          <TextInput
            label={t("signUp.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <Button type="submit" loading={forgot.isPending}>
            {t("forgot.submit")}
          </Button>
          <Link to="/sign-in" size="sm">
            {t("reset.toSignIn")}
          </Link>
        </Stack>
      </form>
    </AuthFrame>
  );
}

export function ResetPasswordPage(props: { token: string | undefined }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const reset = useResetPassword();
  const [password, setPassword] = useState("");
  return (
    <AuthFrame maw={460}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          reset.mutate({ token: props.token ?? "", newPassword: password });
        }}
      >
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t("reset.title")}
          </Title>
          {reset.isSuccess ? (
            <>
              <Alert color="green">{t("reset.done")}</Alert>
              <Link to="/sign-in">{t("reset.toSignIn")}</Link>
            </>
          ) : (
            <>
              {reset.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(reset.error)}
                </Alert>
              )}
              <PasswordInput
                label={t("reset.password")}
                description={t("signUp.passwordHint")}
                autoComplete="new-password"
                required
                minLength={8}
                maxLength={128}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" loading={reset.isPending}>
                {t("reset.submit")}
              </Button>
            </>
          )}
        </Stack>
      </form>
    </AuthFrame>
  );
}
