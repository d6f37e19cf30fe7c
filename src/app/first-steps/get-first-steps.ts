/**
 * A new organization's first steps, as the dashboard's checklist shows them until all are
 * done: the identity filled in (enough for a receipt), three services in the catalogue,
 * customers imported or created, a first intake.
 */
import { identityComplete } from "../../domain/organization-identity.ts";
import type { Store } from "../../store/database.ts";
import {
  countActiveServices,
  hasCustomer,
  hasIntakeOrder,
} from "../../store/first-steps-queries.ts";
import { findIdentity } from "../../store/identity-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";

/** How many services the catalogue should hold before the counter opens. */
export const FIRST_SERVICES = 3;

export const FIRST_STEPS = ["identity", "services", "customers", "intake"] as const;
export type FirstStep = (typeof FIRST_STEPS)[number];

export interface FirstSteps {
  steps: { step: FirstStep; done: boolean }[];
  /** Active services so far (counted up to FIRST_SERVICES). */
  services: number;
  servicesNeeded: number;
  done: boolean;
}

export async function getFirstSteps(store: Store, org: Organization): Promise<FirstSteps> {
  const [identity, services, customers, intake] = await Promise.all([
    findIdentity(store.db, org.id),
    countActiveServices(store, org.id, FIRST_SERVICES),
    hasCustomer(store, org.id),
    hasIntakeOrder(store, org.id),
  ]);
  const done: Record<FirstStep, boolean> = {
    identity: identityComplete(identity?.identity),
    services: services >= FIRST_SERVICES,
    customers,
    intake,
  };
  return {
    steps: FIRST_STEPS.map((step) => ({ step, done: done[step] })),
    services,
    servicesNeeded: FIRST_SERVICES,
    done: FIRST_STEPS.every((step) => done[step]),
  };
}
