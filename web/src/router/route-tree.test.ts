import { QueryClient } from "@tanstack/react-query";
import { createMemoryHistory, isRedirect } from "@tanstack/react-router";
import { describe, expect, it } from "vitest";
import type { Membership, SessionResponse } from "../../../src/http/routes/session/contract.ts";
import { createAppRouter } from "./router.ts";

/** A router on a memory history, with the session already known (no fetch). */
function routerAt(path: string, session?: Partial<SessionResponse>) {
  const queryClient = new QueryClient();
  if (session) {
    queryClient.setQueryData(["session"], {
      user: null,
      organizations: [],
      demo: null,
      ...session,
    });
  }
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [path] }));
  return { router, queryClient };
}

/**
 * The page a path opens (the deepest route, or "not found" when part of the path matches
 * nothing), its params and its validated search params.
 */
function leaf(path: string, search: Record<string, string> = {}) {
  const { router } = routerAt(path);
  const [, rawParams, found] = router.getMatchedRoutes(path);
  const matches = router.matchRoutes(path, search);
  const last = matches[matches.length - 1];
  const route = !found || rawParams["**"] ? "not found" : last?.routeId;
  const defined = Object.entries(last?.search ?? {}).filter(([, v]) => v !== undefined);
  return { route, params: last?.params, search: Object.fromEntries(defined) };
}

describe("the route tree", () => {
  it.each([
    ["/sign-in", "/sign-in", {}],
    ["/", "/", {}],
    ["/o/demo", "/o/$org/", { org: "demo" }],
    ["/o/demo/", "/o/$org/", { org: "demo" }],
    ["/o/demo/customers", "/o/$org/customers", { org: "demo" }],
    ["/o/demo/customers/c-roussel", "/o/$org/customers/$id", { org: "demo", id: "c-roussel" }],
    ["/o/demo/customers/c%2Fslash%20x", "/o/$org/customers/$id", { org: "demo", id: "c/slash x" }],
    [
      "/o/demo/customers/c-1/part-ways",
      "/o/$org/customers/$id/part-ways",
      { org: "demo", id: "c-1" },
    ],
    ["/o/demo/charter", "/o/$org/charter", { org: "demo" }],
    ["/o/demo/import", "/o/$org/import", { org: "demo" }],
    ["/o/demo/members", "/o/$org/members", { org: "demo" }],
    ["/o/demo/intake", "/o/$org/intake", { org: "demo" }],
    ["/o/demo/intake/new", "/o/$org/intake/new", { org: "demo" }],
    ["/o/demo/intake/ord-1", "/o/$org/intake/$id", { org: "demo", id: "ord-1" }],
    ["/o/demo/complaints", "/o/$org/complaints", { org: "demo" }],
    ["/o/demo/complaints/cp-1", "/o/$org/complaints/$id", { org: "demo", id: "cp-1" }],
    ["/o/demo/returns", "/o/$org/returns", { org: "demo" }],
    ["/o/demo/inbox", "/o/$org/inbox", { org: "demo" }],
    ["/o/demo/catalogue", "/o/$org/catalogue", { org: "demo" }],
    ["/o/demo/identity", "/o/$org/identity", { org: "demo" }],
    ["/o/demo/incidents/new", "/o/$org/incidents/new", { org: "demo" }],
    ["/invitations/s3cr3t-Abc_1", "/invitations/$secret", { secret: "s3cr3t-Abc_1" }],
  ])("opens %s on the page %s", (path, route, params) => {
    expect(leaf(path)).toMatchObject({ route, params });
  });

  it.each([
    "/o/demo/customers/c-1/other",
    "/o/demo/incidents",
    "/o/demo/inbox/extra",
    "/o/demo/unknown",
    "/o/demo/charter/extra",
  ])("shows %s as not found inside the organization's frame", (path) => {
    expect(leaf(path).route).toBe("/o/$org/$");
  });

  it.each(["/invitations", "/invitations/a/b", "/o", "/elsewhere"])(
    "opens no page for %s (the root's not-found page)",
    (path) => {
      expect(leaf(path).route).toBe("not found");
    },
  );

  it("reads back the paths it builds, with ids that need escaping", () => {
    const { router } = routerAt("/");
    const id = "c/é #1";
    const built = router.buildLocation({
      to: "/o/$org/customers/$id",
      params: { org: "demo", id },
    });
    expect(built.pathname).toMatch(/^\/o\/demo\/customers\/c%2F.*%231$/);
    expect(leaf(built.pathname)).toMatchObject({ params: { org: "demo", id } });
  });

  it("writes search params as plain strings and leaves empty ones out", () => {
    const { router } = routerAt("/");
    const built = router.buildLocation({
      to: "/o/$org/customers",
      params: { org: "demo" },
      search: { segment: "renegotiate", q: "123", page: 2, sort: undefined },
    });
    expect(built.href).toBe("/o/demo/customers?segment=renegotiate&q=123&page=2");
  });
});

describe("the search params a page keeps in its address", () => {
  it("reads the customers' filters, sort and page, as numbers where they are numbers", () => {
    const search = { q: "Jolicoeur", segment: "watch", signal: "late_payer", sort: "revenue" };
    expect(leaf("/o/demo/customers", { ...search, dir: "desc", page: "3" }).search).toEqual({
      ...search,
      dir: "desc",
      page: 3,
    });
  });

  it("drops a filter it does not know rather than refusing the page", () => {
    const bad = { segment: "vip", sort: "price", dir: "up", page: "0", q: "" };
    expect(leaf("/o/demo/customers", { ...bad, signal: "late_payer" }).search).toEqual({
      signal: "late_payer",
    });
    expect(leaf("/o/demo/customers", { page: "2.5" }).search).toEqual({});
    expect(leaf("/o/demo/intake", { status: "lost" }).search).toEqual({});
    expect(leaf("/o/demo/intake", { status: "quoted" }).search).toEqual({ status: "quoted" });
    expect(leaf("/o/demo/intake/o-1", { photos: "failed" }).search).toEqual({ photos: "failed" });
    expect(leaf("/o/demo/intake/o-1", { photos: "yes" }).search).toEqual({});
  });

  it("keeps the order a complaint or return is about, and the customer of an incident", () => {
    expect(leaf("/o/demo/complaints", { order: "o-1" }).search).toEqual({ order: "o-1" });
    expect(leaf("/o/demo/returns", { order: "o-1" }).search).toEqual({ order: "o-1" });
    expect(leaf("/o/demo/incidents/new", { customer: "c-1" }).search).toEqual({ customer: "c-1" });
  });

  it("goes back after sign-in only to a page of ours", () => {
    expect(leaf("/sign-in", { next: "/o/demo/members?segment=watch" }).search).toEqual({
      next: "/o/demo/members?segment=watch",
    });
    expect(leaf("/sign-in", { next: "//evil.example/o/demo" }).search).toEqual({});
    expect(leaf("/sign-in", { next: "https://evil.example" }).search).toEqual({});
  });
});

describe("the session before a page opens", () => {
  // Every right granted; staff below lose the portfolio.
  const can = Object.fromEntries(
    [
      "seeTimeline",
      "recordFacts",
      "seeScorecards",
      "seePortfolio",
      "seeCharter",
      "editCharter",
      "importFacts",
      "exportLedger",
      "partWays",
      "seeMembers",
      "manageMembers",
      "confirmQuote",
      "editCatalogue",
      "seeCosts",
    ].map((key) => [key, true]),
  ) as Membership["can"];
  const owner: Membership = {
    slug: "demo",
    name: "Demo",
    lang: "fr",
    role: "owner",
    timeZone: "Europe/Paris",
    can,
  };
  const staff: Membership = {
    ...owner,
    slug: "shop",
    role: "staff",
    can: { ...can, seePortfolio: false },
  };
  const user = { id: "u-1", email: "a@example.com", name: "A" } as SessionResponse["user"];

  /**
   * Where the router sends a browser that asks for `path`: the routes' `beforeLoad` run in
   * order, as the router runs them, until one redirects (Node has no history to follow it).
   */
  async function landing(path: string, session: Partial<SessionResponse>) {
    const { router, queryClient } = routerAt(path, session);
    const location = router.parseLocation(router.history.location);
    const [routes] = router.getMatchedRoutes(location.pathname);
    for (const route of routes) {
      try {
        await route.options.beforeLoad?.({ context: { queryClient }, location } as never);
      } catch (error) {
        if (!isRedirect(error)) throw error;
        return router.buildLocation(error.options as never).href;
      }
    }
    return location.href;
  }

  it("sends a visitor to sign in, keeping the page asked for with its filters", async () => {
    expect(await landing("/o/demo/members", {})).toBe("/sign-in?next=%2Fo%2Fdemo%2Fmembers");
    expect(await landing("/o/demo/customers?segment=watch", {})).toBe(
      "/sign-in?next=%2Fo%2Fdemo%2Fcustomers%3Fsegment%3Dwatch",
    );
    expect(await landing("/", {})).toBe("/sign-in");
  });

  it("opens the home of the first organization: the dashboard, or the customers for staff", async () => {
    expect(await landing("/", { user, organizations: [owner] })).toBe("/o/demo");
    expect(await landing("/sign-in", { user, organizations: [staff, owner] })).toBe(
      "/o/shop/customers",
    );
    expect(await landing("/o/demo/charter", { user, organizations: [owner] })).toBe(
      "/o/demo/charter",
    );
  });
});
