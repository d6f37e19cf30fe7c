/**
 * The frame of every signed-in page: a header (organization, language, sign out) and a
 * navigation that shows only what the user's role allows (`can`). On a phone the navigation
 * folds behind a burger button.
 */
import { AppShell, Badge, Burger, Button, Group, NativeSelect, NavLink, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Membership, SessionResponse } from "../../../src/http/contract.ts";
import { useSignOut } from "../api/session-queries.ts";
import { useInbox } from "../features/inbox/inbox-queries.ts";
import { isPlainClick } from "../router/link.tsx";
import { navigate, paths, useLocation } from "../router/router.ts";
import { LanguageSwitch } from "./language-switch.tsx";
import { useOrgContext } from "./org-context.ts";

interface NavItem {
  label: string;
  to: string;
  /** The link is active on this path and the paths below it. */
  exact: boolean;
  /** A count shown beside the label (the inbox). */
  badge?: { count: number; label: string; alert: boolean };
}

function navItems(
  org: Membership,
  // TFunction itself: through ReturnType<typeof useTranslation> the key types go too deep.
  t: TFunction,
  inbox: { total: number; overdue: number } | undefined,
): NavItem[] {
  const { can, slug } = org;
  const items: (NavItem | false)[] = [
    can.seePortfolio && { label: t("nav.dashboard"), to: paths.dashboard(slug), exact: true },
    can.recordFacts && { label: t("intake.nav.intake"), to: paths.intakeList(slug), exact: false },
    can.recordFacts && {
      label: t("intake.nav.complaints"),
      to: paths.complaints(slug),
      exact: false,
    },
    can.recordFacts && {
      label: t("intake.nav.inbox"),
      to: paths.inbox(slug),
      exact: true,
      badge: inbox && {
        count: inbox.total,
        label: t("intake.nav.inboxCount", { count: inbox.total }),
        alert: inbox.overdue > 0,
      },
    },
    can.recordFacts && { label: t("incident.nav"), to: paths.incidentNew(slug), exact: true },
    { label: t("nav.customers"), to: paths.customers(slug), exact: false },
    can.recordFacts && { label: t("catalogue.nav"), to: paths.catalogue(slug), exact: true },
    can.seeCharter && { label: t("nav.charter"), to: paths.charter(slug), exact: true },
    can.importFacts && { label: t("nav.import"), to: paths.import(slug), exact: true },
    can.seeMembers && { label: t("nav.members"), to: paths.members(slug), exact: true },
  ];
  return items.filter((item): item is NavItem => item !== false);
}

export function AppLayout(props: {
  user: NonNullable<SessionResponse["user"]>;
  organizations: Membership[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const org = useOrgContext();
  const { path } = useLocation();
  const signOut = useSignOut();
  const inbox = useInbox(org?.slug ?? "", Boolean(org?.can.recordFacts));

  const go = (to: string) => {
    close();
    navigate(to);
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("common.menu")}
              aria-expanded={opened}
            />
            <Text fw={800} size="lg">
              {t("common.appName")}
            </Text>
            {org && (
              <Text size="sm" c="dimmed" visibleFrom="md" truncate>
                {org.name} · {t(`roles.${org.role}`)}
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Button
              variant="subtle"
              size="compact-sm"
              loading={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate("/sign-in") })}
            >
              {t("common.signOut")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t("nav.main")}>
        {props.organizations.length > 1 && org && (
          <NativeSelect
            mb="sm"
            label={t("common.organization")}
            value={org.slug}
            data={props.organizations.map((o) => ({ value: o.slug, label: o.name }))}
            onChange={(event) => {
              const next = props.organizations.find((o) => o.slug === event.currentTarget.value);
              if (next)
                go(next.can.seePortfolio ? paths.dashboard(next.slug) : paths.customers(next.slug));
            }}
          />
        )}
        {org &&
          navItems(org, t, inbox.data?.counts).map((item) => {
            const active = item.exact ? path === item.to : path.startsWith(item.to);
            return (
              <NavLink
                key={item.to}
                href={item.to}
                label={item.label}
                rightSection={
                  item.badge && item.badge.count > 0 ? (
                    <Badge
                      size="sm"
                      color={item.badge.alert ? "red.8" : "gray.7"}
                      aria-label={item.badge.label}
                      data-testid="inbox-count"
                    >
                      {item.badge.count}
                    </Badge>
                  ) : undefined
                }
                active={active}
                aria-current={active ? "page" : undefined}
                onClick={(event) => {
                  if (!isPlainClick(event)) return;
                  event.preventDefault();
                  go(item.to);
                }}
              />
            );
          })}
        <Text size="xs" c="dimmed" mt="auto" pt="md">
          {props.user.email}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {props.children}
      </AppShell.Main>
    </AppShell>
  );
}
