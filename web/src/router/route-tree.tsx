/**
 * The web app's routes, in code (no generated file): each path, the search params it keeps
 * (validated by the schemas of search-params.ts) and the page it shows. The session is read
 * before a page opens: a visitor is sent to sign in, with the page asked for in `?next=`.
 * Pages read their params through `getRouteApi("/o/$org/…")`, so they never import this file.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, Outlet, redirect } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { sessionQuery, useSession } from "../api/session-queries.ts";
import { NotFound } from "../components/states.tsx";
import { InvitationPage } from "../features/accounts/invitation-page.tsx";
import {
  ForgotPasswordPage,
  ResetPasswordPage,
  VerifyEmailPage,
} from "../features/accounts/link-pages.tsx";
import { MailPage } from "../features/accounts/mail-page.tsx";
import { MembersPage } from "../features/accounts/members-page.tsx";
import { SignInPage } from "../features/accounts/sign-in-page.tsx";
import { SignUpPage } from "../features/accounts/sign-up-page.tsx";
import { TokensPage } from "../features/accounts/tokens-page.tsx";
import { NewWorkshopPage, SetupPage } from "../features/accounts/workshop-pages.tsx";
import { ComplaintPage } from "../features/after-sales/complaint-page.tsx";
import { ComplaintsPage } from "../features/after-sales/complaints-page.tsx";
import { ReturnsPage } from "../features/after-sales/returns-page.tsx";
import { CataloguePage } from "../features/catalogue/catalogue-page.tsx";
import { CharterPage } from "../features/charter/charter-page.tsx";
import { CustomerPage } from "../features/customers/customer-page.tsx";
import { CustomersPage } from "../features/customers/customers-page.tsx";
import { DuplicatesPage } from "../features/customers/duplicates-page.tsx";
import { IdentityPage } from "../features/identity/identity-page.tsx";
import { InboxPage } from "../features/inbox/inbox-page.tsx";
import { IntakeDetailPage } from "../features/intake/intake-detail-page.tsx";
import { IntakeListPage } from "../features/intake/intake-list-page.tsx";
import { IntakeNewPage } from "../features/intake/intake-new-page.tsx";
import { InvoicePage } from "../features/invoices/invoice-page.tsx";
import { InvoicesPage } from "../features/invoices/invoices-page.tsx";
import { ImportPage } from "../features/ledger-import/import-page.tsx";
import { PaymentsJournalPage } from "../features/payments/payments-journal-page.tsx";
import { DashboardPage } from "../features/portfolio/dashboard-page.tsx";
import { IncidentNewPage } from "../features/relationships/incident-new-page.tsx";
import { PartWaysPage } from "../features/relationships/part-ways-page.tsx";
import { RemindersPage } from "../features/reminders/reminders-page.tsx";
import { SurveyTemplatesPage } from "../features/surveys/survey-templates-page.tsx";
import { ThemesPage } from "../features/themes/themes-page.tsx";
import { TimeReportPage } from "../features/time/time-report-page.tsx";
import { NotFoundPage, OrgLayout } from "../layout/org-layout.tsx";
import { homeOf } from "./home-of.ts";
import {
  customersSearch,
  incidentSearch,
  intakeListSearch,
  intakeSearch,
  invoicesSearch,
  orderSearch,
  signInSearch,
  tokenSearch,
} from "./search-params.ts";

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/**
 * `/`: the home of the first organization; "create your workshop" for a signed-in user without
 * one, or on an instance without any account (the setup); else sign in.
 */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    const { user, organizations, instance } =
      await context.queryClient.ensureQueryData(sessionQuery);
    if (!user && instance?.setup) throw redirect({ to: "/setup", replace: true });
    if (!user) throw redirect({ to: "/sign-in", replace: true });
    const first = organizations[0];
    if (first) throw redirect({ ...homeOf(first), replace: true });
    throw redirect({ to: "/new-organization", replace: true });
  },
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: signInSearch,
  beforeLoad: async ({ context }) => {
    const { user, organizations, instance } =
      await context.queryClient.ensureQueryData(sessionQuery);
    if (!user && instance?.setup) throw redirect({ to: "/setup", replace: true });
    const first = organizations[0];
    if (user && first) throw redirect({ ...homeOf(first), replace: true });
    if (user) throw redirect({ to: "/new-organization", replace: true });
  },
  component: function SignInRoute() {
    const session = useSession();
    if (!session.data) return null;
    return <SignInPage demo={session.data.demo} signUp={session.data.instance?.signUp} />;
  },
});

/** A page before the app (sign-up, links), reading only the session. */
const visitorPage = <const TPath extends string>(path: TPath, component: () => ReactNode) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

const signUpRoute = visitorPage("/sign-up", function SignUpRoute() {
  const session = useSession();
  if (!session.data) return null;
  return <SignUpPage open={session.data.instance?.signUp !== "invite"} />;
});
const forgotRoute = visitorPage("/forgot-password", ForgotPasswordPage);
const verifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verify-email",
  validateSearch: tokenSearch,
  component: function VerifyRoute() {
    return <VerifyEmailPage token={verifyRoute.useSearch().token} />;
  },
});
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: tokenSearch,
  component: function ResetRoute() {
    return <ResetPasswordPage token={resetRoute.useSearch().token} />;
  },
});
const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  validateSearch: tokenSearch,
  beforeLoad: async ({ context }) => {
    const { instance } = await context.queryClient.ensureQueryData(sessionQuery);
    if (instance && !instance.setup) throw redirect({ to: "/", replace: true });
  },
  component: function SetupRoute() {
    return <SetupPage token={setupRoute.useSearch().token} />;
  },
});
/** A signed-in user creates a workshop (the first, or one more). */
const newOrganizationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/new-organization",
  beforeLoad: async ({ context }) => {
    const { user } = await context.queryClient.ensureQueryData(sessionQuery);
    if (!user) throw redirect({ to: "/sign-in", replace: true });
  },
  component: function NewOrganizationRoute() {
    const session = useSession();
    if (!session.data?.user) return null;
    return <NewWorkshopPage user={session.data.user} />;
  },
});

/** Signed in or not: the page offers to sign in or to create the account. */
const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/$secret",
  beforeLoad: async ({ context }) => {
    await context.queryClient.ensureQueryData(sessionQuery);
  },
  component: function InvitationRoute() {
    const { secret } = invitationRoute.useParams();
    const session = useSession();
    if (!session.data) return null;
    return <InvitationPage key={secret} secret={secret} user={session.data.user} />;
  },
});

/** An organization's pages, inside the app's frame. */
const orgRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/o/$org",
  beforeLoad: async ({ context, location }) => {
    const { user } = await context.queryClient.ensureQueryData(sessionQuery);
    // Back to the page asked for once signed in, with its filters.
    if (!user) throw redirect({ to: "/sign-in", search: { next: location.href }, replace: true });
  },
  component: OrgLayout,
});

/** A page of the organization without params or search params of its own. */
const page = <const TPath extends string>(path: TPath, component: () => ReactNode) =>
  createRoute({ getParentRoute: () => orgRoute, path, component });

const dashboardRoute = page("/", DashboardPage);
const customersRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "customers",
  validateSearch: customersSearch,
  component: CustomersPage,
});
const duplicatesRoute = page("customer-duplicates", DuplicatesPage);
const customerRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "customers/$id",
  component: function CustomerRoute() {
    const { id } = customerRoute.useParams();
    return <CustomerPage key={id} id={id} />;
  },
});
const partWaysRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "customers/$id/part-ways",
  component: function PartWaysRoute() {
    const { id } = partWaysRoute.useParams();
    return <PartWaysPage key={id} id={id} />;
  },
});
const charterRoute = page("charter", CharterPage);
const themesRoute = page("themes", ThemesPage);
const importRoute = page("import", ImportPage);
const membersRoute = page("members", MembersPage);
const tokensRoute = page("tokens", TokensPage);
const mailRoute = page("mail", MailPage);
const remindersRoute = page("reminders", RemindersPage);
const intakeListRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "intake",
  validateSearch: intakeListSearch,
  component: IntakeListPage,
});
const intakeNewRoute = page("intake/new", IntakeNewPage);
const intakeRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "intake/$id",
  validateSearch: intakeSearch,
  component: function IntakeRoute() {
    const { id } = intakeRoute.useParams();
    return <IntakeDetailPage key={id} id={id} />;
  },
});
const complaintsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "complaints",
  validateSearch: orderSearch,
  component: ComplaintsPage,
});
const complaintRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "complaints/$id",
  component: function ComplaintRoute() {
    const { id } = complaintRoute.useParams();
    return <ComplaintPage key={id} id={id} />;
  },
});
const invoicesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "invoices",
  validateSearch: invoicesSearch,
  component: InvoicesPage,
});
const invoiceRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "invoices/$id",
  component: function InvoiceRoute() {
    const { id } = invoiceRoute.useParams();
    return <InvoicePage key={id} id={id} />;
  },
});
const returnsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "returns",
  validateSearch: orderSearch,
  component: ReturnsPage,
});
const inboxRoute = page("inbox", InboxPage);
const catalogueRoute = page("catalogue", CataloguePage);
const identityRoute = page("identity", IdentityPage);
const paymentsRoute = page("payments", PaymentsJournalPage);
const timeReportRoute = page("reports/time", TimeReportPage);
const surveyTemplatesRoute = page("surveys", SurveyTemplatesPage);
const incidentNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "incidents/new",
  validateSearch: incidentSearch,
  component: IncidentNewPage,
});
/** Any other path below an organization: "not found", inside the app's frame. */
const orgNotFoundRoute = page("$", NotFound);

export const routeTree = rootRoute.addChildren([
  homeRoute,
  signInRoute,
  signUpRoute,
  forgotRoute,
  verifyRoute,
  resetRoute,
  setupRoute,
  newOrganizationRoute,
  invitationRoute,
  orgRoute.addChildren([
    dashboardRoute,
    customersRoute,
    duplicatesRoute,
    customerRoute,
    partWaysRoute,
    charterRoute,
    themesRoute,
    importRoute,
    membersRoute,
    tokensRoute,
    mailRoute,
    remindersRoute,
    intakeListRoute,
    intakeNewRoute,
    intakeRoute,
    complaintsRoute,
    complaintRoute,
    invoicesRoute,
    invoiceRoute,
    returnsRoute,
    inboxRoute,
    catalogueRoute,
    identityRoute,
    incidentNewRoute,
    paymentsRoute,
    timeReportRoute,
    surveyTemplatesRoute,
    orgNotFoundRoute,
  ]),
]);
