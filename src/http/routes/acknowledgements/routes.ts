/**
 * GET /ack/:token and POST /ack/:token: the customer's acknowledgement page (HTML, outside
 * /api: no account, no CSRF header; the unguessable token is the credential). Works once,
 * expires, and never opens another organization's order (see acknowledge-by-link.ts).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { openAckLink, submitAckLink } from "../../../app/intake/acknowledge-by-link.ts";
import { AppError, ERROR_CATALOGUE } from "../../../domain/errors.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { renderAckForm, renderAckMessage } from "./ack-page.ts";
import { type AckForm, ackFormSchema, ackPageSchema } from "./schema.ts";

function parseForm(body: string): AckForm {
  const params = new URLSearchParams(body);
  const answers: Record<string, string> = {};
  for (const [key, value] of params) if (key.startsWith("answer_")) answers[key.slice(7)] = value;
  return ackFormSchema.parse({
    name: params.get("name") ?? "",
    ack: params.getAll("ack"),
    answers,
  });
}

export const acknowledgementRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { store }) => {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 64 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get("/ack/:token", { schema: ackPageSchema }, async (request, reply) => {
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("referrer-policy", "no-referrer");
    let lang = request.query.lang ?? "fr";
    try {
      const page = await openAckLink(store, request.params.token);
      lang = request.query.lang ?? page.lang;
      return renderAckForm(page, lang, `/ack/${request.params.token}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const kind = error.code === "ACK_LINK_EXPIRED" ? "expired" : "invalid";
      return reply.status(ERROR_CATALOGUE[error.code].status).send(renderAckMessage(lang, kind));
    }
  });

  app.post("/ack/:token", { schema: ackPageSchema }, async (request, reply) => {
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("referrer-policy", "no-referrer");
    const token = request.params.token;
    let lang = request.query.lang ?? "fr";
    try {
      const form =
        typeof request.body === "string"
          ? parseForm(request.body)
          : ackFormSchema.parse(request.body ?? {});
      const page = await openAckLink(store, token);
      lang = request.query.lang ?? page.lang;
      try {
        await submitAckLink(store, token, {
          name: form.name,
          acknowledged: form.ack,
          answers: form.answers,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === "BAD_INPUT") {
          return reply
            .status(400)
            .send(renderAckForm(page, lang, `/ack/${token}`, error.message.replace(/^\w+: /, "")));
        }
        throw error;
      }
      return renderAckMessage(lang, "thanks");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const kind = error.code === "ACK_LINK_EXPIRED" ? "expired" : "invalid";
      return reply.status(ERROR_CATALOGUE[error.code].status).send(renderAckMessage(lang, kind));
    }
  });
};
