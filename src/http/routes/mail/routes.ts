import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { MAX_MAIL_ATTEMPTS } from "../../../app/mail/deliver-outbox.ts";
import { sendTestMail } from "../../../app/mail/send-test-mail.ts";
import { AppError } from "../../../domain/errors.ts";
import type { Store } from "../../../store/database.ts";
import {
  deleteMailSettings,
  findMailSettings,
  saveMailSettings,
} from "../../../store/mail-settings-repository.ts";
import { listOrgMails, type OutboxEntry, retryMail } from "../../../store/outbox-repository.ts";
import { type OrgAccess, orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import type { MailSettings, OutboxMail } from "./contract.ts";
import {
  deleteMailSettingsSchema,
  getMailSettingsSchema,
  outboxRouteSchema,
  putMailSettingsSchema,
  retryMailSchema,
  testMailSchema,
} from "./schema.ts";

async function presentSettings(
  store: Store,
  orgId: string,
  instance: boolean,
): Promise<MailSettings> {
  const row = await findMailSettings(store, orgId);
  return {
    settings: row
      ? {
          host: row.host,
          port: Number(row.port),
          username: row.username,
          passwordSet: Boolean(row.password),
          sender: row.sender,
          updatedAt: row.updated_at,
        }
      : null,
    instanceServer: instance,
  };
}

function presentMail(m: OutboxEntry, canSend: boolean): OutboxMail {
  return {
    id: m.id,
    to: m.to,
    subject: m.subject,
    text: m.text,
    hasHtml: Boolean(m.html),
    attachments: m.attachmentCount,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    attempts: m.attempts,
    lastError: m.lastError,
    interrupted: m.interrupted,
    status: m.sentAt
      ? "sent"
      : m.attempts >= MAX_MAIL_ATTEMPTS
        ? "failed"
        : canSend
          ? "waiting"
          : "held",
  };
}

/** Mail settings and the outbox are the owners' (they hold account and invitation links). */
const ownersOnly = (access: OrgAccess, what: string) =>
  requirePolicy(access, access.role === "owner", what);

export const mailRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;
  const instance = deps.sendMail !== undefined;

  app.get("/api/orgs/:org/mail-settings", { schema: getMailSettingsSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    ownersOnly(access, "see the mail settings");
    return presentSettings(store, access.org.id, instance);
  });

  app.put("/api/orgs/:org/mail-settings", { schema: putMailSettingsSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    ownersOnly(access, "change the mail settings");
    const body = request.body;
    const previous = await findMailSettings(store, access.org.id);
    await saveMailSettings(store, {
      org_id: access.org.id,
      host: body.host,
      port: body.port,
      username: body.username || null,
      password: body.password === undefined ? (previous?.password ?? null) : body.password || null,
      sender: body.sender,
      updated_at: new Date().toISOString(),
    });
    void deps.outbox.kick().catch(() => undefined);
    return presentSettings(store, access.org.id, instance);
  });

  app.delete(
    "/api/orgs/:org/mail-settings",
    { schema: deleteMailSettingsSchema },
    async (request, reply) => {
      const access = await orgAccess(store, request, request.params.org);
      ownersOnly(access, "change the mail settings");
      await deleteMailSettings(store, access.org.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/orgs/:org/mail-settings/test",
    { schema: testMailSchema, config: { rateLimit: { max: 5, timeWindow: "1 minute" } } },
    async (request) => {
      const access = await orgAccess(store, request, request.params.org);
      ownersOnly(access, "send a test mail");
      await sendTestMail(deps.mail, access.org, access.actor.email);
      return { sent: true as const, to: access.actor.email };
    },
  );

  app.get("/api/orgs/:org/outbox", { schema: outboxRouteSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    ownersOnly(access, "see the outbox");
    const canSend = await deps.mail.canSend(access.org.id);
    const items = (await listOrgMails(store, access.org.id)).map((m) => presentMail(m, canSend));
    return { items, canSend };
  });

  app.post("/api/orgs/:org/outbox/:id/retry", { schema: retryMailSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    ownersOnly(access, "retry a mail");
    const { id } = request.params;
    if (!(await retryMail(store, access.org.id, id))) {
      const known = (await listOrgMails(store, access.org.id, 1000)).find((m) => m.id === id);
      if (known?.sentAt) {
        throw new AppError("BAD_INPUT", "id: this mail was already accepted by the mail server");
      }
      throw new AppError("NOT_FOUND", `id: no mail ${id} in this organization's outbox`);
    }
    void deps.outbox.kick().catch(() => undefined);
    const canSend = await deps.mail.canSend(access.org.id);
    const mail = (await listOrgMails(store, access.org.id, 1000)).find((m) => m.id === id);
    if (!mail) throw new AppError("NOT_FOUND", `id: no mail ${id} in this organization's outbox`);
    return presentMail(mail, canSend);
  });
};
