import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { organizationLetterhead } from "../../../app/identity/organization-letterhead.ts";
import {
  customerForLetter,
  draftLetterFor,
} from "../../../app/relationships/draft-parting-letter.ts";
import {
  type DecisionContext,
  partWays,
  resumeRelationship,
} from "../../../app/relationships/part-ways.ts";
import { renderPartingLetter } from "../../../app/relationships/render-parting-letter.ts";
import { sendPartingLetter } from "../../../app/relationships/send-parting-letter.ts";
import { AppError } from "../../../domain/errors.ts";
import { DEFAULT_CONDITIONS } from "../../../domain/parting-letter.ts";
import {
  endedRelationships,
  type PartingReason,
  REASON_SIGNALS,
  type RelationshipDecision,
  relationshipStatus,
} from "../../../domain/relationship.ts";
import {
  findDecision,
  listAllDecisions,
  listDecisions,
} from "../../../store/relationship-repository.ts";
import { parseAsOfParam } from "../../as-of.ts";
import { type OrgAccess, orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import type { Decision } from "./contract.ts";
import * as s from "./schema.ts";

function presentDecision(d: RelationshipDecision): Decision {
  return {
    id: d.id,
    customer: d.customer,
    kind: d.kind,
    reason: d.reason,
    explanation: d.explanation,
    evidence: d.evidence,
    doorOpen: d.doorOpen,
    condition: d.condition,
    letterLang: d.letterLang,
    letterText: d.letterText,
    decidedBy: { id: d.decidedBy, name: d.decidedByName },
    decidedAt: new Date(d.decidedAt).toISOString(),
  };
}

/** The reasons `part_ways` recommends, in the order the segment rule names them. */
const RECOMMENDED: PartingReason[] = ["abusive", "warranty_gaming", "unpaid"];

export const relationshipRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;
  const base = "/api/orgs/:org/customers/:id/relationship";

  const decisionContext = (a: OrgAccess): DecisionContext => ({
    store,
    org: a.org,
    actor: { userId: a.actor.userId, role: a.role, name: a.actor.name || a.actor.email },
  });

  /** Managers and owners see decisions; the customer must be this organization's. */
  async function seeing(request: Parameters<typeof orgAccess>[1], slug: string, id: string) {
    const a = await orgAccess(store, request, slug);
    requirePolicy(a, a.can.seeScorecards, "see relationship decisions");
    const customer = await customerForLetter(store, a.org, id);
    return { a, customer };
  }

  app.get("/api/orgs/:org/relationships", { schema: s.endedSchema }, async (request) => {
    const a = await orgAccess(store, request, request.params.org);
    const ended = endedRelationships(await listAllDecisions(store.db, a.org.id));
    const wanted = request.query.customer;
    return {
      ended: [...ended.values()]
        .filter((d) => wanted === undefined || d.customer === wanted)
        .map((d) => ({
          customer: d.customer,
          since: new Date(d.decidedAt).toISOString(),
          doorOpen: d.doorOpen,
          condition: d.condition,
        })),
    };
  });

  app.get(base, { schema: s.relationshipSchema }, async (request) => {
    const { org, id } = request.params;
    const { a, customer } = await seeing(request, org, id);
    const decisions = await listDecisions(store.db, a.org.id, id);
    // The end of today, like the customer page: the cached scorecards serve it.
    const report = await deps.cache.get(a.org, parseAsOfParam(undefined), customer.lang);
    const card = report.byCustomer.get(id);
    const partWaysSignals =
      card?.segment === "part_ways"
        ? card.signals.filter((sig) => RECOMMENDED.includes(sig.code as PartingReason))
        : [];
    const reason =
      RECOMMENDED.find((r) =>
        partWaysSignals.some((sig) => REASON_SIGNALS[r].includes(sig.code)),
      ) ?? null;
    const conditions: Record<string, string> = { ...DEFAULT_CONDITIONS[customer.lang] };
    return {
      status: relationshipStatus(decisions).status,
      recommendation: {
        segment: card?.segment ?? null,
        reason,
        signals: partWaysSignals.map((sig) => sig.code),
        evidence: [...new Set(partWaysSignals.flatMap((sig) => sig.evidence))],
      },
      decisions: decisions.map(presentDecision),
      lang: customer.lang,
      conditions,
      can: a.can,
    };
  });

  app.post(`${base}/letter`, { schema: s.letterSchema }, async (request) => {
    const a = await orgAccess(store, request, request.params.org);
    requirePolicy(a, a.can.partWays, "decide to part ways");
    const ctx = decisionContext(a);
    return draftLetterFor(store, a.org, request.params.id, ctx.actor.name, request.body);
  });

  app.post(`${base}/part-ways`, { schema: s.partWaysSchema }, async (request, reply) => {
    const a = await orgAccess(store, request, request.params.org);
    requirePolicy(a, a.can.partWays, "decide to part ways");
    const decision = await partWays(decisionContext(a), request.params.id, request.body);
    return reply.status(201).send({ decision: presentDecision(decision) });
  });

  app.post(`${base}/resume`, { schema: s.resumeSchema }, async (request, reply) => {
    const a = await orgAccess(store, request, request.params.org);
    requirePolicy(a, a.can.partWays, "resume a relationship");
    const decision = await resumeRelationship(decisionContext(a), request.params.id, request.body);
    return reply.status(201).send({ decision: presentDecision(decision) });
  });

  async function decisionOf(a: OrgAccess, customer: string, id: string) {
    const d = await findDecision(store.db, a.org.id, id);
    if (!d || d.customer !== customer)
      throw new AppError("NOT_FOUND", `decision: no decision "${id}" for this customer`);
    return d;
  }

  app.get(
    `${base}/decisions/:decision/letter.pdf`,
    { schema: s.letterPdfSchema },
    async (request, reply) => {
      const { org, id, decision } = request.params;
      const { a, customer } = await seeing(request, org, id);
      const d = await decisionOf(a, id, decision);
      if (d.kind !== "part_ways")
        throw new AppError("NOT_FOUND", `decision: "${decision}" has no letter`);
      const letterhead = await organizationLetterhead(store, a.org, d.letterLang ?? "fr");
      const pdf = await renderPartingLetter(a.org, letterhead, customer.record.name, d);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="letter-${d.id}.pdf"`)
        .send(pdf);
    },
  );

  app.post(`${base}/decisions/:decision/send`, { schema: s.sendLetterSchema }, async (request) => {
    const a = await orgAccess(store, request, request.params.org);
    requirePolicy(a, a.can.partWays, "send a parting letter");
    const { id, decision } = request.params;
    const send = (await deps.mail.canSend(a.org.id)) ? deps.mail.send : undefined;
    const result = await sendPartingLetter(store, a.org, id, decision, send);
    return { to: result.to, delivered: result.sent };
  });
};
