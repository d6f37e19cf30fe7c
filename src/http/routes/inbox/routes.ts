import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listInbox, markFeedbackAnswered } from "../../../app/after-sales/list-inbox.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { intakeContext, parseInstant } from "../intake/present-intake.ts";
import * as s from "./schema.ts";

const iso = (ms: number) => new Date(ms).toISOString();

export const inboxRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { store }) => {
  app.get("/api/orgs/:org/inbox", { schema: s.inboxSchema }, async (request) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.recordFacts, "see the inbox");
    const now = request.query.now === undefined ? undefined : parseInstant(request.query.now);
    const inbox = await listInbox({ ...intakeContext(store, access), now });
    const charter = await getCharter(store, access.org.id);
    return {
      items: inbox.items.map((i) => ({ ...i, since: iso(i.since), due: iso(i.due) })),
      counts: inbox.counts,
      timeZone: access.org.time_zone,
      firstResponseHours: charter.first_response_hours,
    };
  });

  app.post(
    "/api/orgs/:org/inbox/feedback/:id/done",
    { schema: s.feedbackDoneSchema },
    async (request) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.recordFacts, "answer feedback");
      await markFeedbackAnswered(intakeContext(store, access), request.params.id);
      return { ok: true };
    },
  );
};
