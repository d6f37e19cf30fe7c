import { isRole } from "../../domain/policies.ts";
import type { InvitationRow } from "../../store/invitation-repository.ts";
import type { MemberRow } from "../../store/membership-repository.ts";
import type { Invitation, Member } from "../routes/members/contract.ts";

export function presentMember(row: MemberRow): Member {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    joinedAt: row.joinedAt,
  };
}

export function presentInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: isRole(row.role) ? row.role : "staff",
    status: row.status as Invitation["status"],
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}
