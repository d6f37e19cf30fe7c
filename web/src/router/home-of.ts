import { linkOptions } from "@tanstack/react-router";
import type { Membership } from "../../../src/http/routes/session/contract.ts";

/**
 * Where an organization's member lands: the dashboard, or the customers for staff.
 * @example navigate(homeOf(membership))
 */
export function homeOf(org: Membership) {
  return org.can.seePortfolio
    ? linkOptions({ to: "/o/$org", params: { org: org.slug } })
    : linkOptions({ to: "/o/$org/customers", params: { org: org.slug } });
}
