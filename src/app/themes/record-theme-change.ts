/**
 * A change decided because of themes: recorded (planned, or already done or declined), then
 * marked done or declined. When it is, each person who raised one of its themes gets a notice
 * (one per change and person, whatever the number of themes), which the day's "you said, we
 * did" mail carries (send-you-said.ts). Managers and owners only.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "../../domain/errors.ts";
import { canRecordChanges, type Role } from "../../domain/policies.ts";
import { type ThemeChange, utcDay } from "../../domain/themes/theme-change.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import {
  decideChange,
  findChange,
  insertChange,
  insertNotices,
} from "../../store/theme-change-repository.ts";
import { getCodebook } from "../../store/theme-repository.ts";
import { findContributors } from "./find-contributors.ts";

export interface ChangeActor {
  userId: string;
  role: Role;
}

export interface RecordChangeInput {
  text: string;
  themes: string[];
  status?: "planned" | "done" | "declined";
  reason?: string;
}

export interface DecideChangeInput {
  status: "done" | "declined";
  reason?: string;
}

function mayRecord(actor: ChangeActor) {
  if (!canRecordChanges(actor.role))
    throw new AppError(
      "FORBIDDEN",
      `role ${actor.role} may not record changes decided because of themes`,
    );
}

function reasonOf(input: { status: string; reason?: string }): string | null {
  const reason = input.reason?.trim() ?? "";
  if (input.status === "declined" && reason === "")
    throw new AppError("BAD_INPUT", "reason: must say why the change is declined");
  if (input.status !== "declined" && reason !== "")
    throw new AppError("BAD_INPUT", "reason: only a declined change has a reason");
  return input.status === "declined" ? reason : null;
}

/** @example await recordThemeChange(store, org, actor, { text: "…", themes: ["quality"] }) */
export async function recordThemeChange(
  store: Store,
  org: Organization,
  actor: ChangeActor,
  input: RecordChangeInput,
  now = Date.now(),
): Promise<ThemeChange> {
  mayRecord(actor);
  const text = input.text.trim();
  if (text === "") throw new AppError("BAD_INPUT", "text: must say what changes");
  const themes = [...new Set(input.themes)];
  if (themes.length === 0) throw new AppError("BAD_INPUT", "themes: must name at least one theme");
  const { codebook } = await getCodebook(store, org.id);
  const unknown = themes.filter((t) => !codebook.themes.some((c) => c.id === t));
  if (unknown.length > 0)
    throw new AppError("BAD_INPUT", `themes: no theme "${unknown.join('", "')}" in the codebook`);
  const status = input.status ?? "planned";
  reasonOf({ status, reason: input.reason });
  const change: ThemeChange = {
    id: `chg-${randomUUID().slice(0, 8)}`,
    text,
    themes,
    status: "planned",
    reason: null,
    createdBy: actor.userId,
    createdAt: new Date(now).toISOString(),
    decidedBy: null,
    decidedAt: null,
  };
  await insertChange(store, org.id, change);
  if (status === "planned") return change;
  return decideThemeChange(store, org, actor, change.id, { status, reason: input.reason }, now);
}

/**
 * Done or declined, once: the same decision again changes nothing; another one is refused
 * (`THEME_CHANGE_DECIDED`), since its contributors were already told.
 */
export async function decideThemeChange(
  store: Store,
  org: Organization,
  actor: ChangeActor,
  id: string,
  input: DecideChangeInput,
  now = Date.now(),
): Promise<ThemeChange> {
  mayRecord(actor);
  const reason = reasonOf(input);
  const current = await findChange(store, org.id, id);
  if (!current) throw new AppError("NOT_FOUND", `change: no change "${id}"`);
  const settled = (c: ThemeChange): ThemeChange => {
    if (c.status === input.status) return c;
    throw new AppError(
      "THEME_CHANGE_DECIDED",
      `status: the change is already ${c.status === "done" ? "done" : "declined"}, and its contributors were told`,
    );
  };
  if (current.status !== "planned") return settled(current);
  const contributors = await findContributors(store, org, current.themes, now);
  const at = new Date(now).toISOString();
  const won = await store.db.transaction().execute(async (trx) => {
    const inTrx = { ...store, db: trx };
    const decided = await decideChange(inTrx, org.id, id, {
      status: input.status,
      reason,
      by: actor.userId,
      at,
    });
    if (!decided) return false;
    await insertNotices(
      inTrx,
      org.id,
      contributors.map((c) => ({
        changeId: id,
        email: c.email,
        name: c.name,
        lang: c.lang,
        themes: c.themes,
        day: utcDay(now),
      })),
    );
    return true;
  });
  const after = await findChange(store, org.id, id);
  if (!after) throw new AppError("NOT_FOUND", `change: no change "${id}"`);
  return won ? after : settled(after);
}
