/** Which page the location shows, after the session: sign-in, an organization's pages. */
import { Center, Loader } from "@mantine/core";
import { useEffect } from "react";
import type { Membership } from "../../src/http/contract.ts";
import { useSession } from "./api/session-queries.ts";
import { ErrorState, NotFound } from "./components/states.tsx";
import { InvitationPage } from "./features/accounts/invitation-page.tsx";
import { MembersPage } from "./features/accounts/members-page.tsx";
import { SignInPage } from "./features/accounts/sign-in-page.tsx";
import { ComplaintPage } from "./features/after-sales/complaint-page.tsx";
import { ComplaintsPage } from "./features/after-sales/complaints-page.tsx";
import { ReturnsPage } from "./features/after-sales/returns-page.tsx";
import { CataloguePage } from "./features/catalogue/catalogue-page.tsx";
import { CharterPage } from "./features/charter/charter-page.tsx";
import { CustomerPage } from "./features/customers/customer-page.tsx";
import { CustomersPage } from "./features/customers/customers-page.tsx";
import { InboxPage } from "./features/inbox/inbox-page.tsx";
import { IntakeDetailPage } from "./features/intake/intake-detail-page.tsx";
import { IntakeListPage } from "./features/intake/intake-list-page.tsx";
import { IntakeNewPage } from "./features/intake/intake-new-page.tsx";
import { ImportPage } from "./features/ledger-import/import-page.tsx";
import { DashboardPage } from "./features/portfolio/dashboard-page.tsx";
import { IncidentNewPage } from "./features/relationships/incident-new-page.tsx";
import { PartWaysPage } from "./features/relationships/part-ways-page.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { OrgContext } from "./layout/org-context.ts";
import { matchRoute, navigate, paths, type Route, useLocation } from "./router/router.ts";

/** Where an organization's member lands: the dashboard, or the customers for staff. */
export function homeOf(org: Membership): string {
  return org.can.seePortfolio ? paths.dashboard(org.slug) : paths.customers(org.slug);
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function OrgPage({
  route,
}: {
  route: Exclude<Route, { name: "signIn" | "home" | "notFound" | "invitation" }>;
}) {
  switch (route.name) {
    case "dashboard":
      return <DashboardPage />;
    case "customers":
      return <CustomersPage />;
    case "customer":
      return <CustomerPage id={route.id} />;
    case "charter":
      return <CharterPage />;
    case "import":
      return <ImportPage />;
    case "members":
      return <MembersPage />;
    case "intakeList":
      return <IntakeListPage />;
    case "intakeNew":
      return <IntakeNewPage />;
    case "intake":
      return <IntakeDetailPage key={route.id} id={route.id} />;
    case "complaints":
      return <ComplaintsPage />;
    case "complaint":
      return <ComplaintPage key={route.id} id={route.id} />;
    case "returns":
      return <ReturnsPage />;
    case "inbox":
      return <InboxPage />;
    case "catalogue":
      return <CataloguePage />;
    case "incidentNew":
      return <IncidentNewPage />;
    case "partWays":
      return <PartWaysPage key={route.id} id={route.id} />;
  }
}

export function Routes() {
  const { path } = useLocation();
  const session = useSession();
  const route = matchRoute(path);

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  if (session.isError) return <ErrorState error={session.error} onRetry={session.refetch} />;
  const { user, organizations } = session.data;

  // Signed in or not: the page offers to sign in or to create the account.
  if (route.name === "invitation") return <InvitationPage secret={route.secret} user={user} />;
  if (!user) {
    if (route.name === "signIn") return <SignInPage demo={session.data.demo} />;
    // Back to the page asked for once signed in.
    const next = route.name === "home" ? "" : `?next=${encodeURIComponent(path)}`;
    return <Redirect to={`${paths.signIn()}${next}`} />;
  }
  const first = organizations[0];
  if (route.name === "signIn" || route.name === "home") {
    if (first) return <Redirect to={homeOf(first)} />;
    return <SignInPage demo={session.data.demo} noOrganization />;
  }
  const org = route.name === "notFound" ? first : organizations.find((o) => o.slug === route.org);
  return (
    <OrgContext.Provider value={org ?? null}>
      <AppLayout user={user} organizations={organizations}>
        {route.name === "notFound" || !org ? <NotFound /> : <OrgPage route={route} />}
      </AppLayout>
    </OrgContext.Provider>
  );
}
