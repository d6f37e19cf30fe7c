import { computePortfolio } from "../../app/scorecards/compute-portfolio.ts";
import { formatMoney } from "../../app/scorecards/present-scorecard.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { SEGMENTS, segmentLabel } from "../../domain/scorecard/index.ts";
import type { CommandContext } from "../context.ts";
import { colourEnabled, renderTable, writeJson } from "../output.ts";
import { SEGMENT_COLOURS } from "./scorecards.ts";

/** `comptoir portfolio`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const store = await ctx.store();
  const org = await ctx.organization();
  const lang = ctx.langOf(org);
  const { charter, view } = await computePortfolio(store, org, { asOf: ctx.asOf(), lang });
  const digits = minorDigits(charter.currency);
  const json = {
    ...view,
    revenue: fromMinor(view.revenue, digits),
    margin: fromMinor(view.margin, digits),
  };
  if (ctx.json) {
    writeJson(ctx.io, json);
    return 0;
  }
  const fr = lang === "fr";
  const money = (n: number) => formatMoney(n, charter.currency, lang);
  const pct = (n: number) =>
    new Intl.NumberFormat(fr ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(n);
  const colour = colourEnabled(ctx.io);
  const lines = [
    [fr ? "clients" : "customers", String(json.customers)],
    [fr ? "chiffre d'affaires" : "revenue", money(json.revenue)],
    [fr ? "marge" : "margin", money(json.margin)],
    [
      fr ? "part du premier client" : "top customer's share",
      `${pct(json.top_share_pct)} % (${fr ? "limite" : "limit"} ${charter.max_revenue_share_pct} %)`,
    ],
    ["HHI", pct(json.hhi)],
  ];
  ctx.io.stdout.write(
    renderTable(
      lines.map(([k, v]) => ({ k, v })),
      [
        { title: fr ? "indicateur" : "measure", value: (r) => r.k },
        { title: fr ? "valeur" : "value", value: (r) => r.v, align: "right" },
      ],
      colour,
    ),
  );
  ctx.io.stdout.write("\n");
  ctx.io.stdout.write(
    renderTable(
      SEGMENTS.map((s) => ({ s, n: json.segments[s] })),
      [
        {
          title: "segment",
          value: (r) => segmentLabel(r.s, lang),
          colour: (r) => SEGMENT_COLOURS[r.s],
        },
        { title: fr ? "clients" : "customers", value: (r) => String(r.n), align: "right" },
      ],
      colour,
    ),
  );
  ctx.io.stdout.write("\n");
  const points = json.whale_curve.filter((p) => p.customers_pct % 10 === 0);
  ctx.io.stdout.write(
    renderTable(
      points,
      [
        {
          title: fr ? "% des clients" : "% of customers",
          value: (p) => String(p.customers_pct),
          align: "right",
        },
        {
          title: fr ? "% de la marge" : "% of margin",
          value: (p) => pct(p.profit_pct),
          align: "right",
        },
      ],
      colour,
    ),
  );
  return 0;
}
