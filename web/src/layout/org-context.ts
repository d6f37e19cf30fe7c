/** The organization being viewed (slug, role, time zone and `can`), for every page below it. */
import { createContext, useContext } from "react";
import type { Membership } from "../../../src/http/routes/session/contract.ts";

export const OrgContext = createContext<Membership | null>(null);

export function useOrgContext(): Membership | null {
  return useContext(OrgContext);
}

/** Inside an organization's pages, where the layout guarantees a membership. */
export function useOrg(): Membership {
  const org = useContext(OrgContext);
  if (!org) throw new Error("useOrg outside an organization");
  return org;
}
