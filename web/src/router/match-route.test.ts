import { describe, expect, it } from "vitest";
import { matchRoute, paths } from "./match-route.ts";

describe("matchRoute", () => {
  it.each([
    ["/sign-in", { name: "signIn" }],
    ["/", { name: "home" }],
    ["/o/demo", { name: "dashboard", org: "demo" }],
    ["/o/demo/", { name: "dashboard", org: "demo" }],
    ["/o/demo/customers", { name: "customers", org: "demo" }],
    ["/o/demo/customers/c-roussel", { name: "customer", org: "demo", id: "c-roussel" }],
    ["/o/demo/customers/c%2Fslash%20x", { name: "customer", org: "demo", id: "c/slash x" }],
    ["/o/demo/charter", { name: "charter", org: "demo" }],
    ["/o/demo/import", { name: "import", org: "demo" }],
    ["/o/demo/members", { name: "members", org: "demo" }],
    ["/o/demo/intake", { name: "intakeList", org: "demo" }],
    ["/o/demo/intake/new", { name: "intakeNew", org: "demo" }],
    ["/o/demo/intake/ord-1", { name: "intake", org: "demo", id: "ord-1" }],
    ["/o/demo/complaints", { name: "complaints", org: "demo" }],
    ["/o/demo/complaints/cp-1", { name: "complaint", org: "demo", id: "cp-1" }],
    ["/o/demo/returns", { name: "returns", org: "demo" }],
    ["/o/demo/inbox", { name: "inbox", org: "demo" }],
    ["/o/demo/catalogue", { name: "catalogue", org: "demo" }],
    ["/o/demo/incidents/new", { name: "incidentNew", org: "demo" }],
    ["/o/demo/customers/c-1/part-ways", { name: "partWays", org: "demo", id: "c-1" }],
    ["/o/demo/customers/c-1/other", { name: "notFound" }],
    ["/o/demo/incidents", { name: "notFound" }],
    ["/o/demo/inbox/extra", { name: "notFound" }],
    ["/o/demo/unknown", { name: "notFound" }],
    ["/o/demo/charter/extra", { name: "notFound" }],
    ["/invitations/s3cr3t-Abc_1", { name: "invitation", secret: "s3cr3t-Abc_1" }],
    ["/invitations", { name: "notFound" }],
    ["/invitations/a/b", { name: "notFound" }],
    ["/o", { name: "notFound" }],
    ["/elsewhere", { name: "notFound" }],
  ])("maps %s to its page", (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it("reads back every path it builds, with ids that need escaping", () => {
    const id = "c/é #1";
    expect(matchRoute(paths.customer("demo", id))).toEqual({ name: "customer", org: "demo", id });
    expect(matchRoute(paths.dashboard("a b"))).toEqual({ name: "dashboard", org: "a b" });
    expect(matchRoute(paths.members("demo"))).toEqual({ name: "members", org: "demo" });
    expect(matchRoute(paths.invitation("x-y_z"))).toEqual({ name: "invitation", secret: "x-y_z" });
  });
});
