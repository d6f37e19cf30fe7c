/**
 * Surveys: the public answer page and opt-out (HTML outside /api, no account, the link's
 * secret is the credential; a GET never records anything), and the API to send one by hand,
 * list a customer's surveys and edit the questions.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  answerSurvey,
  openSurvey,
  type SurveyAnswer,
  SurveyRefusedError,
} from "../../../app/surveys/answer-survey.ts";
import {
  listSurveyTemplates,
  saveSurveyTemplate,
} from "../../../app/surveys/manage-survey-templates.ts";
import { findSurveyLink, optOutOfSurveys } from "../../../app/surveys/opt-out-of-surveys.ts";
import { sendSurveyByHand } from "../../../app/surveys/send-survey.ts";
import { AppError, ERROR_CATALOGUE } from "../../../domain/errors.ts";
import type { CustomerFact } from "../../../domain/facts.ts";
import { relationshipStatus } from "../../../domain/relationship.ts";
import {
  DEFAULT_SURVEY_POLICY,
  personOf,
  surveyRefusal,
} from "../../../domain/surveys/survey-rules.ts";
import { findCustomer } from "../../../store/customer-records.ts";
import { findOrganization } from "../../../store/organization-repository.ts";
import { listDecisions } from "../../../store/relationship-repository.ts";
import {
  lastSentToPerson,
  listInvitations,
  type SurveyInvitation,
} from "../../../store/survey-repository.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import * as s from "./schema.ts";
import { renderOptOut, renderSurveyForm, renderSurveyMessage } from "./survey-page.ts";

const RATE = { rateLimit: { max: 20, timeWindow: "1 minute" } };
const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function presentSurvey(inv: SurveyInvitation) {
  return {
    id: inv.id,
    kind: inv.kind,
    email: inv.email,
    lang: inv.lang,
    trigger: inv.trigger,
    sentAt: new Date(inv.sentAt).toISOString(),
    expiresAt: new Date(inv.expiresAt).toISOString(),
    answeredAt: isoOf(inv.answeredAt),
    feedbackId: inv.feedbackId,
  };
}

/** The form as typed, from a urlencoded body. */
function readForm(
  body: unknown,
): SurveyAnswer & { website: string; stamp: string; scoreText: string } {
  const params = new URLSearchParams(typeof body === "string" ? body : "");
  const extra = [0, 1, 2].map((i) => params.get(`extra_${i}`) ?? "");
  const parsed = s.surveyFormSchema.safeParse({
    score: params.get("score") ?? "",
    text: params.get("text") ?? "",
    extra,
    website: params.get("website") ?? "",
    stamp: params.get("stamp") ?? "",
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") || "body";
    throw new AppError("BAD_INPUT", `${field}: too long`);
  }
  const f = parsed.data;
  return {
    score: /^\d{1,2}$/.test(f.score) ? Number(f.score) : Number.NaN,
    scoreText: f.score,
    text: f.text,
    extra: f.extra,
    website: f.website,
    stamp: f.stamp,
  };
}

export const surveyRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store, publicUrl } = deps;
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, body),
  );

  const html = (reply: { type(t: string): unknown; header(k: string, v: string): unknown }) => {
    reply.type("text/html; charset=utf-8");
    reply.header("cache-control", "no-store");
    reply.header("referrer-policy", "no-referrer");
  };
  const langOfLink = async (org: string, token: string): Promise<"fr" | "en"> => {
    try {
      return (await findSurveyLink(store, org, token)).lang;
    } catch {
      const o = await findOrganization(store, org);
      return o?.lang === "en" ? "en" : "fr";
    }
  };
  const failure = async (
    reply: Parameters<typeof html>[0] & { status(n: number): { send(b: string): unknown } },
    error: unknown,
    org: string,
    token: string,
  ) => {
    if (!(error instanceof AppError)) throw error;
    const lang = await langOfLink(org, token);
    const kind = error.code === "SURVEY_LINK_EXPIRED" ? "expired" : "invalid";
    return reply.status(ERROR_CATALOGUE[error.code].status).send(renderSurveyMessage(lang, kind));
  };

  // A GET shows the form (a score from the e-mail preselected) and records nothing.
  app.get(
    "/survey/:org/:token",
    { schema: s.surveyPageSchema, config: RATE },
    async (request, reply) => {
      html(reply);
      const { org, token } = request.params;
      try {
        const page = await openSurvey(store, org, token);
        const score = Number(request.query.score);
        const preselect = Number.isInteger(score) && score >= 0 && score <= 10 ? score : undefined;
        return renderSurveyForm(page, `/survey/${org}/${token}`, { preselect });
      } catch (error) {
        return failure(reply, error, org, token);
      }
    },
  );

  app.post(
    "/survey/:org/:token",
    { schema: s.surveyPageSchema, config: RATE },
    async (request, reply) => {
      html(reply);
      const { org, token } = request.params;
      try {
        const form = readForm(request.body);
        try {
          await answerSurvey(store, org, token, form);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== "BAD_INPUT") throw error;
          // Refused: the page again, with what was typed, and a fresh stamp.
          const page = await openSurvey(store, org, token);
          const notice = error instanceof SurveyRefusedError ? "tooFast" : "scoreMissing";
          return reply.status(400).send(
            renderSurveyForm(page, `/survey/${org}/${token}`, {
              typed: {
                ...form,
                score: Number.isNaN(form.score) ? (undefined as unknown as number) : form.score,
              },
              notice,
            }),
          );
        }
        return renderSurveyMessage(await langOfLink(org, token), "thanks");
      } catch (error) {
        return failure(reply, error, org, token);
      }
    },
  );

  app.get(
    "/survey/:org/:token/opt-out",
    { schema: s.surveyOptOutSchema, config: RATE },
    async (request, reply) => {
      html(reply);
      const { org, token } = request.params;
      try {
        const link = await findSurveyLink(store, org, token);
        const o = await findOrganization(store, org);
        return renderOptOut(link.lang, o?.name ?? "", `/survey/${org}/${token}/opt-out`, false);
      } catch (error) {
        return failure(reply, error, org, token);
      }
    },
  );

  app.post(
    "/survey/:org/:token/opt-out",
    { schema: s.surveyOptOutSchema, config: RATE },
    async (request, reply) => {
      html(reply);
      const { org, token } = request.params;
      try {
        await optOutOfSurveys(store, org, token);
        const link = await findSurveyLink(store, org, token);
        const o = await findOrganization(store, org);
        return renderOptOut(link.lang, o?.name ?? "", "", true);
      } catch (error) {
        return failure(reply, error, org, token);
      }
    },
  );

  app.post(
    "/api/orgs/:org/customers/:id/survey",
    { schema: s.sendSurveySchema },
    async (request, reply) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.recordFacts, "send surveys");
      const survey = await sendSurveyByHand(
        store,
        access.org,
        { kind: request.body.kind, customer: request.params.id, by: access.actor.userId },
        publicUrl,
      );
      deps.outbox.kick().catch((error) => app.log.error({ err: error }, "outbox"));
      return reply.status(201).send({ survey: presentSurvey(survey) });
    },
  );

  app.get(
    "/api/orgs/:org/customers/:id/surveys",
    { schema: s.customerSurveysSchema },
    async (request) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.seeTimeline, "see customers");
      const customer = (await findCustomer(store, access.org.id, request.params.id)) as
        | CustomerFact
        | undefined;
      if (!customer)
        throw new AppError("CUSTOMER_NOT_FOUND", `id: no customer "${request.params.id}"`);
      const email = personOf(customer.email);
      const refusal = surveyRefusal({
        customer,
        relationshipEnded:
          relationshipStatus(await listDecisions(store.db, access.org.id, customer.id)).status ===
          "ended",
        lastSentToPerson: email
          ? await lastSentToPerson(store.db, access.org.id, email)
          : undefined,
        now: Date.now(),
        policy: DEFAULT_SURVEY_POLICY,
      });
      const surveys = await listInvitations(store.db, access.org.id, customer.id);
      return { surveys: surveys.map(presentSurvey), refusal };
    },
  );

  app.get(
    "/api/orgs/:org/surveys/templates",
    { schema: s.surveyTemplatesSchema },
    async (request) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.seeCharter, "see the surveys");
      return { templates: await listSurveyTemplates(store, access.org.id) };
    },
  );

  app.put(
    "/api/orgs/:org/surveys/templates",
    { schema: s.saveSurveyTemplateSchema },
    async (request) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.editCharter, "change the surveys");
      const { kind, lang, ...questions } = request.body;
      const templates = await saveSurveyTemplate(
        store,
        access.org.id,
        { userId: access.actor.userId, role: access.role },
        kind,
        lang,
        questions,
      );
      return { templates };
    },
  );
};
