/**
 * Reminders: managers and owners see the page, send a reminder now, confirm or set aside a
 * formal notice, pause and resume; owners change the schedule and the templates.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  confirmFormalNotice,
  dismissFormalNotice,
  endReminderPause,
  pauseReminders,
  sendReminderNow,
} from "../../../app/reminders/act-on-reminder.ts";
import {
  changeReminderSettings,
  previewReminder,
  readReminderSettings,
} from "../../../app/reminders/reminder-settings.ts";
import { remindersPage } from "../../../app/reminders/reminders-view.ts";
import { fromMinor, minorDigits } from "../../../domain/money.ts";
import { TEMPLATE_FIELDS } from "../../../domain/reminders/reminder-templates.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import type { RemindersView } from "./contract.ts";
import {
  addPauseSchema,
  confirmSchema,
  dismissSchema,
  endPauseSchema,
  getSettingsSchema,
  previewRouteSchema,
  putSettingsSchema,
  remindersViewRouteSchema,
  sendNowSchema,
} from "./schema.ts";

export const reminderRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;
  const managers = async (request: Parameters<typeof orgAccess>[1], slug: string, what: string) => {
    const access = await orgAccess(store, request, slug);
    requirePolicy(access, access.can.seeScorecards, what);
    return access;
  };

  app.get("/api/orgs/:org/reminders", { schema: remindersViewRouteSchema }, async (request) => {
    const access = await managers(request, request.params.org, "see reminders");
    const page = await remindersPage(store, access.org);
    const { currency } = await getCharter(store, access.org.id);
    const digits = minorDigits(currency);
    const money = <T extends { balance: number }>(x: T): T => ({
      ...x,
      balance: fromMinor(x.balance, digits),
    });
    const view: RemindersView = {
      currency,
      toConfirm: page.toConfirm.map(money),
      due: page.due.map(money),
      upcoming: page.upcoming.map(money),
      sent: page.sent,
      stopped: page.stopped.map(money),
      pauses: page.pauses.map((p) => ({
        id: p.id,
        scope: p.scope,
        target: p.target,
        targetName: p.targetName,
        reason: p.reason,
        until: p.until,
      })),
    };
    return view;
  });

  app.post(
    "/api/orgs/:org/reminders/invoices/:invoice/send",
    { schema: sendNowSchema },
    async (request) => {
      const access = await managers(request, request.params.org, "send reminders");
      const result = await sendReminderNow(
        store,
        access.org,
        access.actor.userId,
        request.params.invoice,
      );
      deps.outbox.kick().catch(() => undefined);
      return result;
    },
  );

  app.post(
    "/api/orgs/:org/reminders/invoices/:invoice/confirm",
    { schema: confirmSchema },
    async (request) => {
      const access = await managers(request, request.params.org, "confirm formal notices");
      const outcome = await confirmFormalNotice(
        store,
        access.org,
        access.actor.userId,
        request.params.invoice,
      );
      deps.outbox.kick().catch(() => undefined);
      return { level: 3, outcome };
    },
  );

  app.post(
    "/api/orgs/:org/reminders/invoices/:invoice/dismiss",
    { schema: dismissSchema },
    async (request, reply) => {
      const access = await managers(request, request.params.org, "set formal notices aside");
      await dismissFormalNotice(store, access.org, access.actor.userId, request.params.invoice);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/orgs/:org/reminders/pauses",
    { schema: addPauseSchema },
    async (request, reply) => {
      const access = await managers(request, request.params.org, "pause reminders");
      const id = await pauseReminders(store, access.org, access.actor.userId, request.body);
      return reply.status(201).send({ id, ...request.body });
    },
  );

  app.delete(
    "/api/orgs/:org/reminders/pauses/:id",
    { schema: endPauseSchema },
    async (request, reply) => {
      const access = await managers(request, request.params.org, "end pauses");
      await endReminderPause(store, access.org, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get("/api/orgs/:org/reminders/settings", { schema: getSettingsSchema }, async (request) => {
    const access = await managers(request, request.params.org, "see the reminder settings");
    return { ...(await readReminderSettings(store, access.org.id)), fields: [...TEMPLATE_FIELDS] };
  });

  app.put("/api/orgs/:org/reminders/settings", { schema: putSettingsSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.editCharter, "change the reminder schedule and templates");
    await changeReminderSettings(store, access.org.id, request.body);
    return { ...(await readReminderSettings(store, access.org.id)), fields: [...TEMPLATE_FIELDS] };
  });

  app.post("/api/orgs/:org/reminders/preview", { schema: previewRouteSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.editCharter, "preview reminder templates");
    const { subject, text, html } = await previewReminder(store, access.org, {
      ...request.body,
      level: request.body.level as 0 | 1 | 2 | 3,
    });
    return { subject, text, html };
  });
};
