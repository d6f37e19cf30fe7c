/** Members: the team and its roles; owners invite, change roles and remove (`can.manageMembers`). */
import {
  Alert,
  Button,
  Card,
  CopyButton,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../../../src/domain/policies.ts";
import type { Member, MembersResponse } from "../../../../src/http/routes/members/contract.ts";
import { useSession } from "../../api/session-queries.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { useMemberActions, useMembers } from "./member-queries.ts";

export function MembersPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useMembers(org.slug);
  if (!org.can.seeMembers) return <Forbidden />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const manage = query.data.can.manageMembers;
  return (
    <Stack gap="lg" maw={960}>
      <PageTitle title={t("members.title")} />
      <MemberTable data={query.data} manage={manage} />
      {manage && <InviteForm />}
      <Invitations data={query.data} manage={manage} />
    </Stack>
  );
}

function MemberTable({ data, manage }: { data: MembersResponse; manage: boolean }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const session = useSession();
  const errorMessage = useErrorMessage();
  const actions = useMemberActions(org.slug);
  const [removing, setRemoving] = useState<Member | null>(null);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const failed = actions.changeRole.error ?? actions.remove.error;
  return (
    <Card withBorder>
      {failed && (
        <Alert color="red" role="alert" mb="sm">
          {errorMessage(failed)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="sm" data-testid="members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("members.name")}</Table.Th>
              <Table.Th visibleFrom="sm">{t("members.email")}</Table.Th>
              <Table.Th>{t("members.role")}</Table.Th>
              <Table.Th visibleFrom="sm">{t("members.joinedAt")}</Table.Th>
              {manage && <Table.Th>{t("members.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  {member.name}{" "}
                  {member.userId === session.data?.user?.id && (
                    <Text span size="sm" c="dimmed">
                      {t("members.you")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">{member.email}</Table.Td>
                <Table.Td>
                  {manage ? (
                    <NativeSelect
                      aria-label={t("members.roleOf", { name: member.name })}
                      size="xs"
                      value={member.role}
                      data={roleOptions}
                      onChange={(event) =>
                        actions.changeRole.mutate({
                          userId: member.userId,
                          role: event.currentTarget.value as Role,
                        })
                      }
                    />
                  ) : (
                    t(`roles.${member.role}`)
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">{f.date(member.joinedAt)}</Table.Td>
                {manage && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red"
                      onClick={() => setRemoving(member)}
                    >
                      {t("members.remove")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? t("members.removeTitle", { name: removing.name }) : ""}
      >
        <Text mb="md">{removing && t("members.removeText", { name: removing.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRemoving(null)}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={actions.remove.isPending}
            onClick={() => {
              if (removing)
                actions.remove.mutate(removing.userId, { onSettled: () => setRemoving(null) });
            }}
          >
            {t("members.remove")}
          </Button>
        </Group>
      </Modal>
    </Card>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const org = useOrg();
  const errorMessage = useErrorMessage();
  const { invite } = useMemberActions(org.slug);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("staff");
  const [sent, setSent] = useState<{ email: string; link: string | null } | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="invite-title">
      <Title order={2} size="h4" id="invite-title" mb="sm">
        {t("members.inviteTitle")}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate(
            { email, role },
            {
              onSuccess: (created) => {
                setSent({ email, link: created.link });
                setEmail("");
              },
            },
          );
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t("members.email")}
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            style={{ flex: "1 1 240px" }}
          />
          <NativeSelect
            label={t("members.role")}
            value={role}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
          />
          <Button type="submit" loading={invite.isPending}>
            {t("members.invite")}
          </Button>
        </Group>
      </form>
      {invite.isError && (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(invite.error)}
        </Alert>
      )}
      {sent && !invite.isError && !sent.link && (
        <Text c="green.9" mt="sm" role="status">
          {t("members.invited", { email: sent.email })}
        </Text>
      )}
      {sent?.link && !invite.isError && <InvitationLink email={sent.email} link={sent.link} />}
    </Card>
  );
}

/** No mail server: the link, shown once, for the owner to pass on. */
function InvitationLink({ email, link }: { email: string; link: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" mt="sm" role="status" data-testid="invitation-link">
      <Stack gap="xs">
        <Text size="sm">{t("members.notMailed", { email })}</Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t("members.link")}
            value={link}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
          />
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button variant={copied ? "light" : "filled"} onClick={copy}>
                {copied ? t("members.copied") : t("members.copyLink")}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

function Invitations({ data, manage }: { data: MembersResponse; manage: boolean }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const { revoke } = useMemberActions(org.slug);
  const pending = data.invitations.filter((i) => i.status === "pending");
  return (
    <Card withBorder component="section" aria-labelledby="invitations-title">
      <Title order={2} size="h4" id="invitations-title" mb="sm">
        {t("members.invitations")}
      </Title>
      {pending.length === 0 ? (
        <Text size="sm">{t("members.noInvitations")}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {pending.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
                <Table.Td visibleFrom="sm">
                  {t("members.expiresAt")} {f.date(invitation.expiresAt)}
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => revoke.mutate(invitation.id)}
                    >
                      {t("members.revoke")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
