/** Owners change a member's role; an organization keeps at least one owner. */
import { AppError } from "../../domain/errors.ts";
import { canManageMembers, type Role } from "../../domain/policies.ts";
import type { Store } from "../../store/database.ts";
import { countOwners, findRole, updateMembershipRole } from "../../store/membership-repository.ts";

/** The member's current role, once the actor is allowed to manage members. */
export async function memberToManage(store: Store, orgId: string, actorRole: Role, userId: string) {
  if (!canManageMembers(actorRole))
    throw new AppError("FORBIDDEN", "only an owner can manage members");
  const role = await findRole(store, orgId, userId);
  if (!role) throw new AppError("NOT_FOUND", `userId: no member ${userId} in this organization`);
  return role;
}

export async function changeMemberRole(
  store: Store,
  orgId: string,
  actorRole: Role,
  userId: string,
  role: Role,
): Promise<void> {
  const current = await memberToManage(store, orgId, actorRole, userId);
  if (current === "owner" && role !== "owner" && (await countOwners(store, orgId)) <= 1) {
    throw new AppError(
      "LAST_OWNER",
      "role: the last owner cannot be demoted; make someone else owner first",
    );
  }
  await updateMembershipRole(store, orgId, userId, role);
}
