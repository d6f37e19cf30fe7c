/**
 * What a charter change would do before it is saved: every customer scored with the current
 * and with the proposed charter, and those whose segment would change.
 */
import { type Charter, resolveCharter, validateCharterPatch } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import { canSeeCharter, type Role } from "../../domain/policies.ts";
import type { Scorecard, Segment } from "../../domain/scorecard/index.ts";
import { getCharterPatch } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { computeScorecards } from "./compute-scorecards.ts";

const ITEMS_MAX = 100;

export async function previewCharter(
  store: Store,
  org: Organization,
  role: Role,
  current: readonly Scorecard[],
  patch: Record<string, unknown>,
  options: { asOf: number; lang: "fr" | "en" },
) {
  if (!canSeeCharter(role)) throw new AppError("FORBIDDEN", `role ${role} may not see the charter`);
  const errors = validateCharterPatch(patch);
  if (errors.length > 0) {
    throw new AppError(
      "BAD_INPUT",
      errors.map((e) => `${e.field}: ${e.reason}`).join("\n"),
      errors,
    );
  }
  const charter: Charter = resolveCharter({ ...(await getCharterPatch(store, org.id)), ...patch });
  const proposed = await computeScorecards(store, org, { ...options, charter });
  const before = new Map(current.map((c) => [c.customer, c]));
  const changes: { id: string; name: string; from: Segment; to: Segment; revenue: number }[] = [];
  for (const card of proposed.scorecards) {
    const old = before.get(card.customer);
    if (old?.segment && card.segment && old.segment !== card.segment) {
      changes.push({
        id: card.customer,
        name: card.name,
        from: old.segment,
        to: card.segment,
        revenue: old.revenue,
      });
    }
  }
  const moves = new Map<string, { from: Segment; to: Segment; count: number }>();
  for (const c of changes) {
    const key = `${c.from}>${c.to}`;
    const move = moves.get(key) ?? { from: c.from, to: c.to, count: 0 };
    move.count++;
    moves.set(key, move);
  }
  changes.sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : 1));
  return {
    total: proposed.scorecards.filter((c) => c.segment !== null).length,
    changed: changes.length,
    moves: [...moves.values()].sort((a, b) => b.count - a.count),
    items: changes.slice(0, ITEMS_MAX).map(({ revenue: _, ...rest }) => rest),
  };
}
