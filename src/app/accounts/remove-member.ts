/** Owners remove a member; an organization keeps at least one owner. */
import { AppError } from "../../domain/errors.ts";
import type { Role } from "../../domain/policies.ts";
import type { Store } from "../../store/database.ts";
import { countOwners, deleteMembership } from "../../store/membership-repository.ts";
import { memberToManage } from "./change-member-role.ts";

export async function removeMember(
  store: Store,
  orgId: string,
  actorRole: Role,
  userId: string,
): Promise<void> {
  const current = await memberToManage(store, orgId, actorRole, userId);
  if (current === "owner" && (await countOwners(store, orgId)) <= 1) {
    throw new AppError("LAST_OWNER", "userId: the last owner cannot be removed");
  }
  await deleteMembership(store, orgId, userId);
}
