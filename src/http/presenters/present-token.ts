import { isRole } from "../../domain/policies.ts";
import type { ListedApiToken } from "../../store/api-token-repository.ts";
import type { ApiToken } from "../routes/tokens/contract.ts";

export function presentToken(row: ListedApiToken): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: `${row.prefix}…`,
    org: row.org_slug && row.org_name ? { slug: row.org_slug, name: row.org_name } : null,
    role: isRole(row.role) ? row.role : null,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}
