import type { ApiTokenRow } from "../../store/api-token-repository.ts";
import type { ApiToken } from "../routes/tokens/contract.ts";

export function presentToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: `${row.prefix}…`,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}
