import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policiesFor } from "../domain/policies.ts";
import { testDialects } from "../store/test-stores.ts";
import { ROUTE_POLICIES, registeredRoutes } from "./route-policies.ts";
import { buildTestApp, call, signIn, type TestApp } from "./test-app.ts";

/** The table of docs/roles.md's "Every API operation" section: `METHOD /path` → rule. */
function documentedRules(): Record<string, string> {
  const doc = readFileSync(new URL("../../docs/roles.md", import.meta.url), "utf8");
  const section = doc.split("## Every API operation")[1] ?? "";
  const rules: Record<string, string> = {};
  for (const match of section.matchAll(/^\|\s*`([A-Z]+ [^`]+)`\s*\|\s*`(\w+)`\s*\|/gm)) {
    rules[match[1]] = match[2];
  }
  return rules;
}

for (const dialect of testDialects())
  describe(`the role matrix as data (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(() => t.close());

    it("gives every route of the API a rule, and keeps none for a route that is gone", () => {
      const routes = registeredRoutes(t.app);
      expect(routes.length).toBeGreaterThan(50);
      const missing = routes.filter((r) => !ROUTE_POLICIES[r]);
      expect(missing, "add these to ROUTE_POLICIES (src/http/route-policies.ts)").toEqual([]);
      const stale = Object.keys(ROUTE_POLICIES).filter((k) => !routes.includes(k));
      expect(stale, "these rules name no route").toEqual([]);
    });

    it("names only rules that exist: public, link, signedIn, member or a `can` key", () => {
      const known = new Set([
        "public",
        "link",
        "signedIn",
        "member",
        ...Object.keys(policiesFor("owner")),
      ]);
      expect(Object.values(ROUTE_POLICIES).filter((r) => !known.has(r))).toEqual([]);
    });

    it("is the table of docs/roles.md, row for row", () => {
      expect(documentedRules()).toEqual(ROUTE_POLICIES);
    });

    it("refuses before the handler: 401 signed out, 404 to a stranger, 403 to a role without the key", async () => {
      const staff = await signIn(t, "staff");
      const stranger = await signIn(t, "owner", t.other);
      const url = "/api/orgs/shop/members";
      expect((await call(t.app, { method: "GET", url })).status).toBe(401);
      const hidden = await call(t.app, { method: "GET", url, headers: stranger.read });
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.code).toBe("ORGANIZATION_NOT_FOUND");
      const refused = await call(t.app, { method: "GET", url, headers: staff.read });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe("role staff may not see the members");
      // HEAD answers as GET does.
      expect((await t.app.inject({ method: "HEAD", url, headers: staff.read })).statusCode).toBe(
        403,
      );
    });
  });
