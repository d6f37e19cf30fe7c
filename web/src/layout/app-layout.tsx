/**
 * The frame of every signed-in page: a header (organization, language, sign out) and a
 * navigation that shows only what the user's role allows (`can`). On a phone the navigation
 * folds behind a burger button.
 */
import { AppShell, Badge, Burger, Button, Group, NativeSelect, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useNavigate } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Membership, SessionResponse } from "../../../src/http/routes/session/contract.ts";
import { useSignOut } from "../api/session-queries.ts";
import { useInbox } from "../features/inbox/inbox-queries.ts";
import { homeOf } from "../router/home-of.ts";
import { Link, NavItemLink } from "../router/link.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { useOrgContext } from "./org-context.ts";

/** The organization's pages in the navigation (typed: a renamed route fails the typecheck). */
type NavPath =
  | "/o/$org"
  | "/o/$org/intake"
  | "/o/$org/complaints"
  | "/o/$org/invoices"
  | "/o/$org/inbox"
  | "/o/$org/incidents/new"
  | "/o/$org/customers"
  | "/o/$org/reports/time"
  | "/o/$org/surveys"
  | "/o/$org/catalogue"
  | "/o/$org/charter"
  | "/o/$org/themes"
  | "/o/$org/import"
  | "/o/$org/members"
  | "/o/$org/identity"
  | "/o/$org/mail"
  | "/o/$org/payments"
  | "/o/$org/reminders"
  | "/o/$org/tokens";

interface NavItem {
  label: string;
  to: NavPath;
  /** The link is active on this path only, not on the paths below it. */
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
  const { can } = org;
  const items: (NavItem | false)[] = [
    can.seePortfolio && { label: t("nav.dashboard"), to: "/o/$org", exact: true },
    can.recordFacts && { label: t("intake.nav.intake"), to: "/o/$org/intake", exact: false },
    can.recordFacts && {
      label: t("intake.nav.complaints"),
      to: "/o/$org/complaints",
      exact: false,
    },
    can.recordFacts && {
      label: t("intake.nav.inbox"),
      to: "/o/$org/inbox",
      exact: true,
      badge: inbox && {
        count: inbox.total,
        label: t("intake.nav.inboxCount", { count: inbox.total }),
        alert: inbox.overdue > 0,
      },
    },
    can.recordFacts && { label: t("incident.nav"), to: "/o/$org/incidents/new", exact: true },
    { label: t("nav.customers"), to: "/o/$org/customers", exact: false },
    can.seeScorecards && { label: t("time.nav"), to: "/o/$org/reports/time", exact: true },
    can.issueInvoices && { label: t("invoices.nav"), to: "/o/$org/invoices", exact: false },
    can.recordFacts && { label: t("catalogue.nav"), to: "/o/$org/catalogue", exact: true },
    can.managePayments && { label: t("payments.nav"), to: "/o/$org/payments", exact: true },
    can.seeThemes && { label: t("themes.nav"), to: "/o/$org/themes", exact: true },
    can.seeScorecards && { label: t("reminders.nav"), to: "/o/$org/reminders", exact: true },
    can.seeCharter && { label: t("nav.charter"), to: "/o/$org/charter", exact: true },
    can.seeCharter && { label: t("surveys.nav"), to: "/o/$org/surveys", exact: true },
    can.importFacts && { label: t("nav.import"), to: "/o/$org/import", exact: true },
    can.seeMembers && { label: t("nav.members"), to: "/o/$org/members", exact: true },
    can.manageMembers && { label: t("mail.nav"), to: "/o/$org/mail", exact: true },
    can.editIdentity && { label: t("identity.nav"), to: "/o/$org/identity", exact: true },
    { label: t("tokens.nav"), to: "/o/$org/tokens", exact: true },
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
  const navigate = useNavigate();
  const signOut = useSignOut();
  const inbox = useInbox(org?.slug ?? "", Boolean(org?.can.recordFacts));

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
              onClick={() =>
                signOut.mutate(undefined, { onSuccess: () => navigate({ to: "/sign-in" }) })
              }
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
              if (!next) return;
              close();
              void navigate(homeOf(next));
            }}
          />
        )}
        {org &&
          navItems(org, t, inbox.data?.counts).map((item) => (
            <NavItemLink
              key={item.to}
              to={item.to}
              params={{ org: org.slug }}
              activeOptions={{ exact: item.exact, includeSearch: false }}
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
              onClick={close}
            />
          ))}
        <Link to="/new-organization" size="sm" mt="auto" pt="md" onClick={close}>
          {t("workshop.another")}
        </Link>
        <Text size="xs" c="dimmed" pt="xs">
          {props.user.email}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {props.children}
      </AppShell.Main>
    </AppShell>
  );
}
