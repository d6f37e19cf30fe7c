/**
 * What the identity use cases share: who acts (only an owner changes the identity) and the
 * language of the messages a refusal carries.
 */
import { AppError } from "../../domain/errors.ts";
import type { Lang } from "../../domain/organization-identity.ts";
import { canEditIdentity, type Role } from "../../domain/policies.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";

export interface IdentityContext {
  store: Store;
  org: Organization;
  actor: { userId: string; role: Role };
  /** The language of error messages (the request's, else the organization's). */
  lang: Lang;
}

export function requireIdentityEditor(ctx: IdentityContext): void {
  if (!canEditIdentity(ctx.actor.role)) {
    throw new AppError("FORBIDDEN", `role ${ctx.actor.role} may not change the identity`);
  }
}
