import type { FastifyPluginAsync } from "fastify";
import { computeScorecards } from "../../../app/compute-scorecards.ts";
import { formatMoney, presentScorecard } from "../../../app/present-scorecard.ts";
import { segmentLabel, signalLabel } from "../../../domain/scorecard/index.ts";
import { findOrganization, listOrganizations } from "../../../store/organization-repository.ts";
import type { ServerOptions } from "../../server.ts";
import { renderHomePage } from "./page.ts";

export const homeRoutes: FastifyPluginAsync<ServerOptions> = async (app, options) => {
  app.get<{ Querystring: { org?: string; lang?: string } }>("/", async (request, reply) => {
    const lang = request.query.lang === "en" ? "en" : "fr";
    const orgs = await listOrganizations(options.store);
    const slug = request.query.org ?? options.defaultOrg;
    const org = (await findOrganization(options.store, slug)) ?? orgs[0];
    reply.type("text/html; charset=utf-8");
    if (!org) return renderHomePage({ lang, orgs, org: undefined, rows: [] });
    const { charter, scorecards } = await computeScorecards(options.store, org, { asOf: Date.now(), lang });
    const rows = scorecards.map((card) => {
      const c = presentScorecard(card, charter);
      return {
        customer: c.customer,
        name: c.name,
        segment: c.segment,
        segmentLabel: c.segment ? segmentLabel(card.segment as never, lang) : "prospect",
        signals: card.signals.map((s) => ({ label: signalLabel(s.code, lang), message: s.message })),
        revenue: formatMoney(c.revenue, charter.currency, lang),
        margin: formatMoney(c.margin, charter.currency, lang),
      };
    });
    return renderHomePage({ lang, orgs, org, rows });
  });
};
