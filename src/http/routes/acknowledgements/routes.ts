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

const UNREADABLE = {
  fr: "Le formulaire n’a pas pu être lu : le nom tient en 200 caractères, chaque réponse en 4 000.",
  en: "The form could not be read: the name fits in 200 characters, each answer in 4,000.",
};

/**
 * The form as sent (urlencoded, or JSON from a script), or BAD_INPUT naming the field: a
 * name past 200 characters or a body that is not a form is the customer's mistake, not a 500.
 */
function readForm(body: unknown, lang: "fr" | "en"): AckForm {
  let input: unknown = body ?? {};
  if (typeof body === "string") {
    const params = new URLSearchParams(body);
    const answers: Record<string, string> = {};
    for (const [key, value] of params) if (key.startsWith("answer_")) answers[key.slice(7)] = value;
    input = { name: params.get("name") ?? "", ack: params.getAll("ack"), answers };
  }
  const parsed = ackFormSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "body";
  throw new AppError("BAD_INPUT", `${field}: ${UNREADABLE[lang]}`);
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
      const page = await openAckLink(store, token);
      lang = request.query.lang ?? page.lang;
      try {
        const form = readForm(request.body, lang);
        await submitAckLink(store, token, {
          name: form.name,
          acknowledged: form.ack,
          answers: form.answers,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === "BAD_INPUT") {
          return reply
            .status(400)
            .send(
              renderAckForm(page, lang, `/ack/${token}`, error.message.replace(/^[\w.]+: /, "")),
            );
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
