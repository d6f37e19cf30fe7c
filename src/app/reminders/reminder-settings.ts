/**
 * The owner's reminder schedule and templates: read with the defaults filled in, saved after
 * checking them (levels in order, no unknown `{{field}}`), and a preview of one template filled
 * with a sample invoice.
 */
import { AppError } from "../../domain/errors.ts";
import { composeReminder } from "../../domain/reminders/compose-reminder.ts";
import {
  type ReminderLevel,
  type ReminderSchedule,
  scheduleProblems,
} from "../../domain/reminders/reminder-schedule.ts";
import {
  type ReminderLang,
  type ReminderTemplates,
  resolveTemplates,
  unknownFields,
} from "../../domain/reminders/reminder-templates.ts";
import type { Store } from "../../store/database.ts";
import type { Organization } from "../../store/organization-repository.ts";
import { getReminderSettings, saveReminderSettings } from "../../store/reminder-repository.ts";
import { reminderContext } from "./reminder-context.ts";

export async function readReminderSettings(store: Store, orgId: string) {
  const s = await getReminderSettings(store, orgId);
  return { schedule: s.schedule, templates: resolveTemplates(s.templates), updatedAt: s.updatedAt };
}

export async function changeReminderSettings(
  store: Store,
  orgId: string,
  input: { schedule: ReminderSchedule; templates: ReminderTemplates },
): Promise<void> {
  const problems = scheduleProblems(input.schedule);
  if (problems[0]) throw new AppError("BAD_INPUT", `schedule.${problems[0]}`);
  for (const lang of ["fr", "en"] as const) {
    for (const [level, t] of Object.entries(input.templates[lang])) {
      for (const part of ["subject", "body"] as const) {
        const unknown = unknownFields(t[part]);
        if (unknown[0]) {
          throw new AppError(
            "BAD_INPUT",
            `templates.${lang}.${level}.${part}: unknown field {{${unknown[0]}}}`,
          );
        }
      }
    }
  }
  await saveReminderSettings(store, orgId, input);
}

/** The template as a customer would read it, on a sample invoice 25 days overdue. */
export async function previewReminder(
  store: Store,
  org: Organization,
  input: {
    level: ReminderLevel;
    lang: ReminderLang;
    kind: "person" | "business";
    subject: string;
    body: string;
  },
  now: number = Date.now(),
) {
  const ctx = await reminderContext(store, org, now);
  const templates = resolveTemplates();
  templates[input.lang][`${input.level}`] = { subject: input.subject, body: input.body };
  const due = now - 25 * 86_400_000;
  const sample = input.lang === "fr" ? "Menuiserie Duval" : "Smith & Sons Ltd";
  return composeReminder({
    level: input.level,
    lang: input.lang,
    shop: org.name,
    customer: {
      type: "customer",
      id: "sample",
      at: due,
      name: sample,
      status: "active",
      kind: input.kind,
    },
    invoice: {
      type: "invoice",
      id: "2026-0042",
      at: due - 30 * 86_400_000,
      customer: "sample",
      amount: 145_000,
      due,
    },
    balance: 95_000,
    currency: ctx.currency,
    timeZone: org.time_zone,
    penaltyRate: ctx.penaltyRate,
    asOf: now,
    templates,
  });
}
