import { describe, expect, it } from "vitest";
import { lowerRole, type Policies, policiesFor, ROLES, type Role } from "./policies.ts";

// The matrix of docs/roles.md, one row per action: [owner, manager, staff].
const MATRIX: [keyof Policies, boolean, boolean, boolean][] = [
  ["seeTimeline", true, true, true],
  ["recordFacts", true, true, true],
  ["seeScorecards", true, true, false],
  ["seePortfolio", true, true, false],
  ["seeCharter", true, true, false],
  ["editCharter", true, false, false],
  ["importFacts", true, true, false],
  ["exportLedger", true, true, false],
  ["partWays", true, false, false],
  ["seeMembers", true, true, false],
  ["manageMembers", true, false, false],
  ["confirmQuote", true, true, false],
  ["editCatalogue", true, true, false],
  ["seeCosts", true, true, false],
  ["editCustomers", true, true, true],
  ["mergeCustomers", true, true, false],
  ["editIdentity", true, false, false],
  ["seeThemes", true, true, false],
  ["editCodebook", true, false, false],
  ["issueInvoices", true, true, false],
  ["editNumbering", true, false, false],
  ["managePayments", true, true, false],
  ["recordChanges", true, true, false],
];

describe("role policies", () => {
  it.each(MATRIX)("%s: owner %s, manager %s, staff %s", (action, owner, manager, staff) => {
    expect(policiesFor("owner")[action]).toBe(owner);
    expect(policiesFor("manager")[action]).toBe(manager);
    expect(policiesFor("staff")[action]).toBe(staff);
  });

  it("covers every policy in the matrix", () => {
    for (const role of ROLES) {
      expect(Object.keys(policiesFor(role)).sort()).toEqual(MATRIX.map((r) => r[0]).sort());
    }
  });
});

// An API token's role against its creator's current one: [token, creator, effective].
const CAPS: [Role, Role, Role][] = [
  ["owner", "owner", "owner"],
  ["owner", "manager", "manager"],
  ["owner", "staff", "staff"],
  ["manager", "owner", "manager"],
  ["manager", "manager", "manager"],
  ["manager", "staff", "staff"],
  ["staff", "owner", "staff"],
  ["staff", "manager", "staff"],
  ["staff", "staff", "staff"],
];

describe("lowerRole", () => {
  it.each(CAPS)("a %s token of a %s acts as %s", (token, creator, effective) => {
    expect(lowerRole(token, creator)).toBe(effective);
    expect(lowerRole(creator, token)).toBe(effective);
  });
});
