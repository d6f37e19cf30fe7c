/**
 * The organization named in the URL, as seen by the caller: a member gets the organization,
 * their role and policies; anyone else gets 404, so a stranger learns nothing about it.
 */
import type { FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.ts";
import { type Policies, policiesFor, type Role } from "../domain/policies.ts";
import type { Store } from "../store/database.ts";
import { findRole } from "../store/membership-repository.ts";
import { findOrganization, type Organization } from "../store/organization-repository.ts";
import { type Actor, requireActor } from "./auth/authenticate.ts";

export interface OrgAccess {
  actor: Actor;
  org: Organization;
  role: Role;
  can: Policies;
}

/** Per request: the route policy's check and the handler's share one look-up. */
const checked = new WeakMap<FastifyRequest, OrgAccess>();

export async function orgAccess(
  store: Store,
  request: FastifyRequest,
  slug: string,
): Promise<OrgAccess> {
  const kept = checked.get(request);
  if (kept && kept.org.slug === slug && kept.actor === request.actor) return kept;
  const actor = requireActor(request);
  const org = await findOrganization(store, slug);
  const role = org ? await findRole(store, org.id, actor.userId) : undefined;
  if (!org || !role) {
    throw new AppError("ORGANIZATION_NOT_FOUND", `org: no organization "${slug}" among yours`);
  }
  const access = { actor, org, role, can: policiesFor(role) };
  checked.set(request, access);
  return access;
}

/** Refuses with 403 when the policy says no; `what` completes "your role may not ...". */
export function requirePolicy(access: OrgAccess, allowed: boolean, what: string): void {
  if (!allowed) throw new AppError("FORBIDDEN", `role ${access.role} may not ${what}`);
}
