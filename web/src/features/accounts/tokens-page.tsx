/**
 * API tokens, for scripts: the user's tokens for this organization, with their role, expiry
 * and last use; a form to make one (a role no higher than the user's, 90 days unless chosen
 * otherwise), whose secret is shown once; and revoking. Every role may have tokens.
 */
import {
  Alert,
  Button,
  Card,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_TOKEN_DAYS } from "../../../../src/domain/api-tokens.ts";
import { ROLES, type Role } from "../../../../src/domain/policies.ts";
import type { ApiToken, CreatedApiToken } from "../../../../src/http/routes/tokens/contract.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { useTokenActions, useTokens } from "./token-queries.ts";

const DURATIONS = [7, 30, DEFAULT_TOKEN_DAYS, 180, 365];

export function TokensPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useTokens();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const mine = query.data.items.filter((token) => token.org?.slug === org.slug);
  return (
    <Stack gap="lg" maw={960}>
      <PageTitle title={t("tokens.title")} />
      <Text>{t("tokens.intro", { org: org.name })}</Text>
      <CreateTokenForm />
      <TokenTable tokens={mine} />
    </Stack>
  );
}

function CreateTokenForm() {
  const { t } = useTranslation();
  const org = useOrg();
  const errorMessage = useErrorMessage();
  const { create } = useTokenActions();
  // A token never has more than its creator's role.
  const roles = ROLES.slice(ROLES.indexOf(org.role));
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>(roles[roles.length - 1] ?? "staff");
  const [days, setDays] = useState(DEFAULT_TOKEN_DAYS);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="new-token-title">
      <Title order={2} size="h4" id="new-token-title" mb="sm">
        {t("tokens.newTitle")}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setCreated(null);
          create.mutate(
            { name, org: org.slug, role, expiresInDays: days },
            {
              onSuccess: (token) => {
                setCreated(token);
                setName("");
              },
            },
          );
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t("tokens.name")}
            description={t("tokens.nameHint")}
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            style={{ flex: "1 1 220px" }}
          />
          <NativeSelect
            label={t("tokens.role")}
            value={role}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
          />
          <NativeSelect
            label={t("tokens.duration")}
            value={String(days)}
            data={DURATIONS.map((d) => ({
              value: String(d),
              label: t("tokens.days", { count: d }),
            }))}
            onChange={(event) => setDays(Number(event.currentTarget.value))}
          />
          <Button type="submit" loading={create.isPending}>
            {t("tokens.create")}
          </Button>
        </Group>
      </form>
      {create.isError && (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(create.error)}
        </Alert>
      )}
      {created && <NewSecret created={created} />}
    </Card>
  );
}

/** The secret, shown once. */
function NewSecret({ created }: { created: CreatedApiToken }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Alert color="yellow" mt="sm" role="status" data-testid="new-token">
      <Stack gap="xs">
        <Text size="sm">
          {t("tokens.shownOnce", {
            name: created.name,
            date: created.expiresAt ? f.date(created.expiresAt) : "",
          })}
        </Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t("tokens.secret")}
            value={created.token}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: "monospace" } }}
          />
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button variant={copied ? "light" : "filled"} onClick={copy}>
                {copied ? t("tokens.copied") : t("tokens.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}

function TokenTable({ tokens }: { tokens: ApiToken[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const { revoke } = useTokenActions();
  const now = Date.now();
  return (
    <Card withBorder component="section" aria-labelledby="tokens-title">
      <Title order={2} size="h4" id="tokens-title" mb="sm">
        {t("tokens.listTitle")}
      </Title>
      {revoke.isError && (
        <Alert color="red" role="alert" mb="sm">
          {errorMessage(revoke.error)}
        </Alert>
      )}
      {tokens.length === 0 ? (
        <Text size="sm">{t("tokens.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" data-testid="tokens-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("tokens.name")}</Table.Th>
                <Table.Th>{t("tokens.role")}</Table.Th>
                <Table.Th visibleFrom="sm">{t("tokens.createdAt")}</Table.Th>
                <Table.Th>{t("tokens.expiresAt")}</Table.Th>
                <Table.Th>{t("tokens.lastUsedAt")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("tokens.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.map((token) => {
                const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= now;
                return (
                  <Table.Tr key={token.id}>
                    <Table.Td>
                      {token.name}
                      <Text size="xs" c="dimmed" ff="monospace">
                        {token.prefix}
                      </Text>
                    </Table.Td>
                    <Table.Td>{token.role ? t(`roles.${token.role}`) : ""}</Table.Td>
                    <Table.Td visibleFrom="sm">{f.date(token.createdAt)}</Table.Td>
                    <Table.Td>
                      {token.expiresAt && (
                        <Text size="sm" c={expired ? "red.8" : undefined}>
                          {expired
                            ? t("tokens.expiredOn", { date: f.date(token.expiresAt) })
                            : f.date(token.expiresAt)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t("tokens.neverUsed")}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        color="red"
                        loading={revoke.isPending && revoke.variables === token.id}
                        aria-label={t("tokens.revokeNamed", { name: token.name })}
                        onClick={() => revoke.mutate(token.id)}
                      >
                        {t("tokens.revoke")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
