/**
 * An invitation link (/invitations/<secret>): who is invited where and with which role; a
 * visitor creates the account (the address is the invitation's) or signs in, a signed-in user
 * joins in one click; a used, expired or revoked link says so.
 */
import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { InvitationPreview } from "../../../../src/http/routes/members/contract.ts";
import type { SessionResponse } from "../../../../src/http/routes/session/contract.ts";
import { ApiError } from "../../api/api-client.ts";
import { useSignOut } from "../../api/session-queries.ts";
import { ErrorState, Loading, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { homeOf } from "../../router/home-of.ts";
import { Link } from "../../router/link.tsx";
import { useInvitation, useJoin } from "./account-queries.ts";
import { AuthFrame } from "./auth-frame.tsx";
import { InvitationSignIn, InvitationSignUp } from "./invitation-forms.tsx";

function Frame({ children }: { children: ReactNode }) {
  return <AuthFrame maw={460}>{children}</AuthFrame>;
}

export function InvitationPage(props: { secret: string; user: SessionResponse["user"] }) {
  const { t } = useTranslation();
  const invitation = useInvitation(props.secret);
  if (invitation.isPending) {
    return (
      <Frame>
        <Loading />
      </Frame>
    );
  }
  if (invitation.isError) {
    const invalid = invitation.error instanceof ApiError && invitation.error.status === 404;
    return (
      <Frame>
        {invalid ? (
          <Stack gap="sm" align="flex-start">
            <Title order={1} size="h2">
              {t("invitation.title")}
            </Title>
            <Alert color="red" role="alert" w="100%">
              {t("invitation.invalid")}
            </Alert>
            <Link to={props.user ? "/" : "/sign-in"}>
              {props.user ? t("invitation.toApp") : t("invitation.toSignIn")}
            </Link>
          </Stack>
        ) : (
          <ErrorState error={invitation.error} onRetry={invitation.refetch} />
        )}
      </Frame>
    );
  }
  return (
    <Frame>
      <InvitationBody secret={props.secret} user={props.user} data={invitation.data} />
    </Frame>
  );
}

function InvitationBody(props: {
  secret: string;
  user: SessionResponse["user"];
  data: InvitationPreview;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const join = useJoin(props.secret);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { data, user } = props;
  const org = data.organization.name;
  const onJoined = {
    onSuccess: (membership: Awaited<ReturnType<typeof join.mutateAsync>>) => {
      void navigate(membership ? homeOf(membership) : { to: "/" });
    },
  };

  const header = (
    <>
      <Title order={1} size="h2">
        {t("invitation.join", { org })}
      </Title>
      <Text size="sm">
        {t("invitation.intro", { email: data.email, org, role: t(`roles.${data.role}`) })}
      </Text>
    </>
  );
  if (data.state !== "pending") {
    const text =
      data.state === "expired"
        ? t("invitation.expired", { org, date: f.date(data.expiresAt) })
        : data.state === "accepted"
          ? t("invitation.accepted", { org })
          : t("invitation.revoked", { org });
    return (
      <Stack gap="sm" align="flex-start">
        {header}
        <Alert color={data.state === "accepted" ? "yellow" : "red"} role="alert" w="100%">
          {text}
        </Alert>
        <Link to={user ? "/" : "/sign-in"}>
          {user ? t("invitation.toApp") : t("invitation.toSignIn")}
        </Link>
      </Stack>
    );
  }
  const failure = join.isError && (
    <Alert color="red" role="alert">
      {errorMessage(join.error)}
    </Alert>
  );
  if (user && user.email.toLowerCase() !== data.email) {
    return (
      <Stack gap="sm" align="flex-start">
        {header}
        <Alert color="yellow" role="alert" w="100%">
          {t("invitation.otherAccount", { email: data.email, current: user.email })}
        </Alert>
        <Button variant="outline" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          {t("invitation.signOut")}
        </Button>
      </Stack>
    );
  }
  if (user) {
    return (
      <Stack gap="sm">
        {header}
        {failure}
        <Button loading={join.isPending} onClick={() => join.mutate({ via: "session" }, onJoined)}>
          {t("invitation.join", { org })}
        </Button>
      </Stack>
    );
  }
  return data.accountExists ? (
    <InvitationSignIn
      email={data.email}
      header={header}
      join={join}
      onSubmit={(password) =>
        join.mutate({ via: "sign-in", email: data.email, password }, onJoined)
      }
    />
  ) : (
    <InvitationSignUp
      email={data.email}
      header={header}
      join={join}
      onSubmit={(name, password) =>
        join.mutate({ via: "sign-up", email: data.email, name, password }, onJoined)
      }
    />
  );
}
