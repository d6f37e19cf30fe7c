/**
 * The frame around the routed pages: an organization's pages inside the app shell, the
 * "not found" page, and what shows while the session is read or when reading it failed.
 */
import { Center, Loader } from "@mantine/core";
import {
  type ErrorComponentProps,
  getRouteApi,
  Outlet,
  useNavigate,
  useRouter,
} from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useSession } from "../api/session-queries.ts";
import { ErrorState, NotFound } from "../components/states.tsx";
import { JournalBrokenBanner } from "../features/payments/journal-broken-banner.tsx";
import { AppLayout } from "./app-layout.tsx";
import { OrgContext } from "./org-context.ts";

const orgRoute = getRouteApi("/o/$org");

/** The whole screen while the session is read. */
export function PageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="…" />
    </Center>
  );
}

/** A route that failed before its page opened (the session could not be read). */
export function RouteError({ error }: ErrorComponentProps) {
  const router = useRouter();
  return <ErrorState error={error} onRetry={() => router.invalidate()} />;
}

/**
 * Sends a visitor to sign in, once, with the page shown as `next`. (The router's `<Navigate>`
 * navigates again on every render: while the sign-in page loads, the location it reads has
 * already changed, and `next` would nest without end.)
 */
function ToSignIn() {
  const router = useRouter();
  const navigate = useNavigate();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const { location, resolvedLocation } = router.state;
    // Signing out already goes there.
    if (location.pathname === "/sign-in") return;
    const next = (resolvedLocation ?? location).href;
    void navigate({ to: "/sign-in", search: { next }, replace: true });
  }, [router, navigate]);
  return null;
}

/**
 * An organization's pages. The session was read before (the route's `beforeLoad`); it is
 * watched here too, so that a session that ends (a 401 anywhere) leads to sign in.
 */
export function OrgLayout() {
  const { org: slug } = orgRoute.useParams();
  const session = useSession();
  if (!session.data) return <PageLoader />;
  const { user, organizations } = session.data;
  if (!user) return <ToSignIn />;
  const org = organizations.find((o) => o.slug === slug) ?? null;
  return (
    <OrgContext.Provider value={org}>
      <AppLayout user={user} organizations={organizations}>
        {org?.can.managePayments && <JournalBrokenBanner org={org.slug} />}
        {org ? <Outlet /> : <NotFound />}
      </AppLayout>
    </OrgContext.Provider>
  );
}

/** A path that is no page: "not found" in the frame of the first organization, or sign in. */
export function NotFoundPage() {
  const session = useSession();
  if (session.isPending) return <PageLoader />;
  if (session.isError) return <ErrorState error={session.error} onRetry={session.refetch} />;
  const { user, organizations } = session.data;
  if (!user) return <ToSignIn />;
  return (
    <OrgContext.Provider value={organizations[0] ?? null}>
      <AppLayout user={user} organizations={organizations}>
        <NotFound />
      </AppLayout>
    </OrgContext.Provider>
  );
}
